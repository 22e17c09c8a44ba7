// SPDX-License-Identifier: GPL-3.0-or-later
// The one painter: what it draws where, and that it draws only what is visible.

#include "diagram/diagramrenderer.h"
#include "support/generatedtrace.h"
#include "testmain.h"
#include "trace/hostsettings.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

using namespace Qt::StringLiterals;

namespace {

QImage render(const DiagramRenderer &r, StepRange range = {}, int revealedUpTo = -1)
{
    const QSizeF size = r.size(range);
    QImage image(size.toSize() + QSize(1, 1), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::magenta); // anything the painter leaves unpainted shows
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    r.paint(&p, range, revealedUpTo);
    return image;
}

// Pixels inside `rect` (in the frame `t` maps to the image) that are far from the background.
int inkIn(const QImage &image, const QTransform &t, const QRectF &rect, QColor background)
{
    const QTransform back = t.inverted();
    const QRect box = t.mapRect(rect).toAlignedRect().intersected(image.rect());
    int ink = 0;
    for (int y = box.top(); y <= box.bottom(); ++y) {
        for (int x = box.left(); x <= box.right(); ++x) {
            if (!rect.contains(back.map(QPointF(x + 0.5, y + 0.5)))) continue;
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - background.red()) + std::abs(c.green() - background.green())
                    + std::abs(c.blue() - background.blue())
                > 150)
                ++ink;
        }
    }
    return ink;
}

// The texts of a picture, as an SVG keeps them.
QByteArray svgOf(const DiagramRenderer &r, int revealedUpTo = -1)
{
    QBuffer svg;
    svg.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&svg);
    generator.setSize(r.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), r.size()));
    QPainter p(&generator);
    r.paint(&p, {}, revealedUpTo);
    p.end();
    return svg.data();
}

void savePicture(const QImage &image, const char *name)
{
    // For looking at: SYNSCOPE_PICTURES=/some/dir keeps what the tests drew.
    const QString dir = qEnvironmentVariable("SYNSCOPE_PICTURES");
    if (!dir.isEmpty()) image.save(dir + u'/' + QString::fromLatin1(name) + QStringLiteral(".png"));
}

} // namespace

class TestDiagramPainter : public QObject {
    Q_OBJECT
private slots:
    void handshakeLabelsAreDrawn_data()
    {
        QTest::addColumn<int>("theme");
        QTest::newRow("light") << int(DiagramTheme::Light);
        QTest::newRow("dark") << int(DiagramTheme::Dark);
    }
    void handshakeLabelsAreDrawn()
    {
        QFETCH(int, theme);
        Trace trace;
        generated::Builder b(trace);
        generated::handshake(b);
        DiagramOptions options;
        options.theme = DiagramTheme(theme);
        const DiagramRenderer r(trace, options);
        QCOMPARE(r.layout().arrowCount(), 3);
        const QImage image = render(r);
        savePicture(image, theme ? "handshake-dark" : "handshake-light");
        const QColor bg = DiagramRenderer::palette(options.theme).background;
        QCOMPARE(image.pixelColor(1, 1), bg); // the background is painted, not left
        const qreal lh = r.layout().metrics().lineHeight;
        for (int i = 0; i < 3; ++i) {
            // The label's band, clear of its own arrow line, has text in it...
            const QRectF band = r.labelRect(i).adjusted(0, 0, 0, -0.25 * lh);
            QVERIFY2(inkIn(image, r.labelTransform(i), band, bg) > 25, qPrintable(r.arrowLabel(i)));
            // ... while the same band moved to the far left margin (nothing drawn there) has none:
            // the check can tell text from no text.
            QTransform margin;
            margin.translate(band.width() / 2 + 2, r.layout().rowY(0) + lh);
            QCOMPARE(inkIn(image, margin, band.translated(0, 0), bg), 0);
        }
    }

    void svgKeepsTextSearchable()
    {
        Trace trace;
        generated::Builder b(trace);
        generated::handshake(b);
        const DiagramRenderer r(trace, {});
        QBuffer svg;
        svg.open(QIODevice::WriteOnly);
        QSvgGenerator generator;
        generator.setOutputDevice(&svg);
        generator.setSize(r.size().toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), r.size()));
        QPainter p(&generator);
        r.paint(&p);
        p.end();
        const QByteArray text = svg.data();
        for (const char *label :
             {">SYN J<", ">SYN K, ACK J+1<", ">ACK K+1<", ">ESTABLISHED<", "connect(3, 10.0.0.2:9877)"})
            QVERIFY2(text.contains(label), label);
    }

    void hiddenStepsKeepTheirSpace()
    {
        Trace trace;
        generated::Builder b(trace);
        const generated::Handshake h = generated::handshake(b);
        const DiagramRenderer r(trace, {});
        const int synAckDelivered = r.layout().arrow(1).endRow;
        const QImage all = render(r);
        const QImage part = render(r, {}, synAckDelivered - 1);
        QCOMPARE(part.size(), all.size());
        // Before its delivery row the SYN+ACK is drawn in flight: its arrow head is not there yet.
        const QPointF tip = r.layout().arrowEnd(r.layout().arrow(1));
        // The head lies right of the client's lifeline (it comes from the server), clear of the line.
        const QRectF head(tip + QPointF(3, -3), QSizeF(6, 6));
        QTransform none;
        const QColor bg = DiagramRenderer::palette(DiagramTheme::Light).background;
        QVERIFY(inkIn(all, none, head, bg) > 5);
        QCOMPARE(inkIn(part, none, head, bg), 0);
        Q_UNUSED(h);
    }

    void lostSegmentIsCrossedHeldOneIsOpen()
    {
        using namespace generated;
        Trace trace;
        Builder b(trace);
        handshake(b);
        const qsizetype close = b.call(Side::Client, QStringLiteral("close"), {{QStringLiteral("fd"), 3}});
        b.ret(Side::Client, close, 0);
        const qsizetype fin = b.send(Side::Client, TcpFlag::Fin | TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1);
        b.state(Side::Client, TcpState::FinWait1);
        b.timer(Side::Client, TimerKind::Retransmit, 200);
        b.drop(fin);
        const qsizetype again = b.send(Side::Client, TcpFlag::Fin | TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1, 0,
                                       EventMark::Retransmission);
        b.deliver(again);
        b.state(Side::Server, TcpState::CloseWait);
        const qsizetype ack = b.send(Side::Server, TcpFlag::Ack, kIsnServer + 1, kIsnClient + 2);
        b.deliver(ack);
        b.timer(Side::Client, TimerKind::None, 0);
        b.state(Side::Client, TcpState::FinWait2);
        const qsizetype write = b.call(Side::Server, QStringLiteral("write"), {{QStringLiteral("fd"), 4}});
        b.ret(Side::Server, write, -1, EPIPE);
        const qsizetype rst = b.send(Side::Server, TcpFlag::Rst, kIsnServer + 1, 0);
        Q_UNUSED(rst);
        const DiagramRenderer r(trace, {});
        const QImage image = render(r);
        savePicture(image, "lost-fin");
        const QColor bg = DiagramRenderer::palette(DiagramTheme::Light).background;
        const DiagramLayout &layout = r.layout();
        // The lost FIN ends half way, in a cross; the RST still on the wire ends half way too, open.
        const DiagramLayout::Arrow &lost = layout.arrow(layout.arrowOfEvent(fin));
        QCOMPARE(lost.end, DiagramLayout::ArrowEnd::Dropped);
        const QPointF cross = layout.arrowEnd(lost);
        const qreal lh = layout.metrics().lineHeight;
        // The cross's arms reach beyond the line in all four diagonal directions.
        for (const QPointF d : {QPointF(1, 1), QPointF(-1, -1), QPointF(1, -1), QPointF(-1, 1)}) {
            const QRectF arm(cross + d * 0.3 * lh - QPointF(1.5, 1.5), QSizeF(3, 3));
            QVERIFY(inkIn(image, {}, arm, bg) > 0);
        }
        const DiagramLayout::Arrow &held = layout.arrow(layout.arrowCount() - 1);
        QCOMPARE(held.end, DiagramLayout::ArrowEnd::InFlight);
        QCOMPARE(r.arrowLabel(layout.arrowOfEvent(again)), QStringLiteral("FIN M  (retransmission)"));
        // Beyond the held segment's open end, towards the client, nothing: it has not arrived.
        const QPointF end = layout.arrowEnd(held);
        QCOMPARE(inkIn(image, {}, QRectF(end + QPointF(-0.25 * lh - 40, -2), QSizeF(30, 6)), bg), 0);
    }

    // lost-fin as the lab records it (generated): the FIN's retransmit timer fires as an RTO and
    // ends when the ACK arrives, before the probe reports it gone; the orphaned FIN_WAIT_2's timer
    // becomes 2MSL when the FIN arrives, and restarts on the repeated FIN.
    void timersOfALostFin()
    {
        using namespace generated;
        Trace trace;
        Builder b(trace);
        handshake(b);
        const qsizetype close = b.call(Side::Client, QStringLiteral("close"), {{QStringLiteral("fd"), 3}});
        b.ret(Side::Client, close, 0);
        const qsizetype fin = b.send(Side::Client, TcpFlag::Fin | TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1);
        b.state(Side::Client, TcpState::FinWait1);
        b.timer(Side::Client, TimerKind::Retransmit, 204);
        b.drop(fin);
        b.tick(210'000'000);
        const qsizetype again = b.send(Side::Client, TcpFlag::Fin | TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1, 0,
                                       EventMark::Retransmission);
        b.deliver(again);
        b.state(Side::Server, TcpState::CloseWait);
        const qsizetype ack = b.send(Side::Server, TcpFlag::Ack, kIsnServer + 1, kIsnClient + 2);
        const qsizetype acked = b.deliver(ack);
        // Rows between the kernel's cancel and the probe's report.
        const qsizetype read = b.call(Side::Server, QStringLiteral("read"), {{QStringLiteral("fd"), 4}});
        const qsizetype eof = b.ret(Side::Server, read, 0);
        b.state(Side::Client, TcpState::FinWait2);
        b.timer(Side::Client, TimerKind::TimeWait, 60000);
        const qsizetype finN = b.send(Side::Server, TcpFlag::Fin | TcpFlag::Ack, kIsnServer + 1, kIsnClient + 2);
        b.state(Side::Server, TcpState::LastAck);
        b.timer(Side::Server, TimerKind::Retransmit, 204);
        b.deliver(finN);
        b.state(Side::Client, TcpState::TimeWait);
        const qsizetype last = b.send(Side::Client, TcpFlag::Ack, kIsnClient + 2, kIsnServer + 2);
        b.drop(last);
        b.tick(210'000'000);
        const qsizetype finAgain = b.send(Side::Server, TcpFlag::Fin | TcpFlag::Ack, kIsnServer + 1, kIsnClient + 2, 0,
                                          EventMark::Retransmission);
        b.deliver(finAgain);
        const qsizetype lastAgain = b.send(Side::Client, TcpFlag::Ack, kIsnClient + 2, kIsnServer + 2);
        b.deliver(lastAgain);
        b.timer(Side::Server, TimerKind::None, 0);
        b.state(Side::Server, TcpState::Closed);

        const DiagramRenderer r(trace, {});
        const QByteArray svg = svgOf(r);
        for (const char *text : {"retransmit timer", ">RTO<", "FIN_WAIT_2 timeout", "TIME_WAIT 2MSL", "2MSL restarts"})
            QVERIFY2(svg.contains(text), text);
        QVERIFY(!svg.contains(">RTO ")); // a pending type-1 timer is no RTO yet
        QCOMPARE(svg.count("RTO<"), 2); // the client's FIN and the server's
        // Revealed up to the drop, nothing has fired yet.
        QVERIFY(!svgOf(r, r.stepOfEvent(fin)).contains("RTO<"));

        // The FIN's bar stops where the ACK arrived, not where the probe saw the timer go.
        const QImage image = render(r);
        savePicture(image, "timers-lost-fin");
        const DiagramLayout &layout = r.layout();
        const qreal lh = layout.metrics().lineHeight;
        const qreal x = layout.columnX(Side::Client, DiagramLayout::Column::Tcp) - 0.6 * layout.metrics().charWidth;
        const QColor bg = DiagramRenderer::palette(DiagramTheme::Light).background;
        const auto barAt = [&](qsizetype event) {
            const qreal y = layout.rowY(r.stepOfEvent(event));
            return inkIn(image, {}, QRectF(x - 1, y - 0.2 * lh, 2, 0.4 * lh), bg);
        };
        QVERIFY(r.stepOfEvent(eof) > r.stepOfEvent(acked));
        QVERIFY(barAt(again) > 0);
        QCOMPARE(barAt(eof), 0);
    }

    // data-and-acks as the lab records it (generated): a tail-loss probe, then a zero window whose
    // persist timer ends when the window opens and data goes out again, not when the probe sees
    // the next timer.
    void timersOfAZeroWindow()
    {
        using namespace generated;
        Trace trace;
        Builder b(trace);
        handshake(b);
        const quint32 j = kIsnClient + 1;
        const qsizetype one = b.send(Side::Client, TcpFlag::Ack | TcpFlag::Psh, j, kIsnServer + 1, 4);
        b.timer(Side::Client, TimerKind::Retransmit, 204);
        const qsizetype two = b.send(Side::Client, TcpFlag::Ack | TcpFlag::Psh, j + 4, kIsnServer + 1, 4);
        const qsizetype three = b.send(Side::Client, TcpFlag::Ack | TcpFlag::Psh, j + 8, kIsnServer + 1, 5);
        for (const qsizetype s : {one, two, three})
            b.deliver(s);
        b.deliver(b.send(Side::Server, TcpFlag::Ack, kIsnServer + 1, j + 4));
        b.tick(8'000'000);
        const qsizetype probe =
            b.send(Side::Client, TcpFlag::Ack | TcpFlag::Psh, j + 8, kIsnServer + 1, 5, EventMark::Retransmission);
        b.deliver(probe);
        const qsizetype all = b.send(Side::Server, TcpFlag::Ack, kIsnServer + 1, j + 13);
        b.deliver(all);
        b.timer(Side::Client, TimerKind::None, 0);
        // The server's window closes; the client's persist timer probes it.
        Event closed = trace.at(all);
        closed.window = 0;
        closed.tNs = b.tick();
        b.deliver(trace.appendRaw(closed));
        b.timer(Side::Client, TimerKind::ZeroWindowProbe, 208);
        const qsizetype windowProbe = b.send(Side::Client, TcpFlag::Ack, j + 12, kIsnServer + 1);
        b.deliver(windowProbe);
        const qsizetype update = b.send(Side::Server, TcpFlag::Ack, kIsnServer + 1, j + 13);
        b.deliver(update);
        const qsizetype data = b.send(Side::Client, TcpFlag::Ack | TcpFlag::Psh, j + 13, kIsnServer + 1, 100);
        b.deliver(data);
        const qsizetype read = b.call(Side::Server, QStringLiteral("read"), {{QStringLiteral("fd"), 4}});
        const qsizetype got = b.ret(Side::Server, read, 100);
        b.timer(Side::Client, TimerKind::Retransmit, 16);

        const DiagramRenderer r(trace, {});
        const QByteArray svg = svgOf(r);
        for (const char *text : {"tail-loss probe", "persist timer", "16 ms", "window probe, seq J+13", "win 0"})
            QVERIFY2(svg.contains(text), text);
        QVERIFY(!svg.contains("RTO"));
        QVERIFY(!svg.contains("zero_window_probe"));
        const QImage image = render(r);
        savePicture(image, "timers-zero-window");
        const DiagramLayout &layout = r.layout();
        const qreal lh = layout.metrics().lineHeight;
        const qreal x = layout.columnX(Side::Client, DiagramLayout::Column::Tcp) - 0.6 * layout.metrics().charWidth;
        const QColor bg = DiagramRenderer::palette(DiagramTheme::Light).background;
        const qreal y = layout.rowY(r.stepOfEvent(got));
        QVERIFY(r.stepOfEvent(got) > r.stepOfEvent(data));
        QCOMPARE(inkIn(image, {}, QRectF(x - 1, y - 0.2 * lh, 2, 0.4 * lh), bg), 0);
    }

    // A SYN held while the kernel resent it, folded into one arrow; after one copy got through,
    // a leftover copy delivered and one dropped are drawn from the wire where they waited: an
    // open circle there and a head at the receiver, or the circle crossed out; their text level
    // beside the circle on the sender's side, clear of the SYN+ACK in flight the other way.
    void lateCopiesComeFromTheWire()
    {
        using namespace generated;
        Trace trace;
        Builder b(trace);
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0);
        const qsizetype again = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0, 0, EventMark::Retransmission);
        const qsizetype third = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0, 0, EventMark::Retransmission);
        b.deliver(syn);
        b.state(Side::Server, TcpState::SynRcvd);
        b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, kIsnServer, kIsnClient + 1);
        const qsizetype duplicate = b.deliver(again);
        const qsizetype lost = b.drop(third);
        DiagramOptions options;
        options.collapseRetransmissions = true;
        const DiagramRenderer r(trace, options);
        const DiagramLayout &layout = r.layout();
        const QImage image = render(r);
        savePicture(image, "late-copies");
        const QColor bg = DiagramRenderer::palette(DiagramTheme::Light).background;
        const qreal lh = layout.metrics().lineHeight;

        const qsizetype arrived = layout.arrowOfEvent(duplicate);
        const qsizetype dropped = layout.arrowOfEvent(lost);
        const qsizetype synAck = 1;
        QVERIFY(arrived > synAck && dropped > arrived);
        QCOMPARE(layout.arrow(synAck).end, DiagramLayout::ArrowEnd::InFlight);
        QCOMPARE(layout.arrow(arrived).startRow, layout.arrow(synAck).startRow + 1);
        QCOMPARE(r.eventAt(layout.arrowEnd(layout.arrow(arrived)) + QPointF(-0.3 * lh, 0)), duplicate);
        for (const qsizetype i : {arrived, dropped}) {
            const DiagramLayout::Arrow &a = layout.arrow(i);
            QVERIFY(a.late);
            const QPointF s = layout.arrowStart(a);
            QCOMPARE(s.x(), layout.wireMiddleX());
            // The open circle where it waited: ink on its ring.
            QVERIFY(inkIn(image, {}, QRectF(s + QPointF(-0.22 * lh - 1.5, -1.5), QSizeF(3, 3)), bg) > 0);
            // Its text is drawn, level, left of the wire (the client sent it), clear of the other
            // arrows' labels.
            const QRectF band = r.labelRect(i).adjusted(0, 0, 0, -0.25 * lh);
            QVERIFY2(inkIn(image, r.labelTransform(i), band, bg) > 25, qPrintable(r.arrowLabel(i)));
            QCOMPARE(r.labelTransform(i).m12(), 0.0);
            const QRectF area = r.labelArea(i).boundingRect();
            QVERIFY(area.right() < layout.wireMiddleX());
            QVERIFY(area.left() > layout.columnX(Side::Client, DiagramLayout::Column::Tcp));
            for (qsizetype j = 0; j < layout.arrowCount(); ++j)
                QVERIFY2(j == i || !area.intersects(r.labelArea(j).boundingRect()), qPrintable(r.arrowLabel(j)));
        }
        // The one delivered leaves the circle open; the one dropped is crossed out there.
        const QPointF waited = layout.arrowStart(layout.arrow(arrived));
        QCOMPARE(inkIn(image, {}, QRectF(waited - QPointF(1, 1), QSizeF(2, 2)), bg), 0);
        const QPointF cross = layout.arrowStart(layout.arrow(dropped));
        QCOMPARE(layout.arrowEnd(layout.arrow(dropped)), cross);
        QVERIFY(inkIn(image, {}, QRectF(cross - QPointF(1, 1), QSizeF(2, 2)), bg) > 0);
        // The delivered copy has its head at the server.
        const QPointF tip = layout.arrowEnd(layout.arrow(arrived));
        QCOMPARE(tip.x(), layout.columnX(Side::Server, DiagramLayout::Column::Tcp));
        QVERIFY(inkIn(image, {}, QRectF(tip + QPointF(-0.5 * lh, -2), QSizeF(0.3 * lh, 4)), bg) > 0);
        Q_UNUSED(third);
    }

    void paintsOnlyTheVisibleWindow()
    {
        Trace trace;
        generated::Builder b(trace);
        generated::handshake(b);
        generated::transfer(b, 100'000);
        const DiagramRenderer r(trace, {});
        const DiagramLayout &layout = r.layout();
        QVERIFY(layout.arrowCount() >= 100'000);
        QVERIFY2(layout.memoryBytes() / layout.arrowCount() < 100, qPrintable(QString::number(layout.memoryBytes())));

        const QSize window(1280, 800);
        QImage image(window, QImage::Format_ARGB32_Premultiplied);
        const qreal top = layout.rowY(layout.rowCount() / 2);
        const int visibleRows = int(window.height() / layout.rowHeight()) + 1;
        for (int pass = 0; pass < 2; ++pass) {
            r.paintStats() = {};
            image.fill(Qt::white);
            QPainter p(&image);
            p.translate(0, -top);
            r.paintArea(&p, QRectF(0, top, window.width(), window.height()), -1, {});
            p.end();
            const DiagramRenderer::PaintStats s = r.paintStats();
            // A margin of a few rows for labels and arrows reaching in from outside.
            QVERIFY2(s.rows <= visibleRows + 8, qPrintable(QString::number(s.rows)));
            QVERIFY2(s.arrows <= visibleRows + 8, qPrintable(QString::number(s.arrows)));
            QVERIFY(s.arrows >= visibleRows / 2);
            // Labels are made the first time a row is seen, then reused.
            if (pass == 0)
                QVERIFY2(s.labelsFormatted >= s.arrows && s.labelsFormatted <= 2 * (visibleRows + 8),
                         qPrintable(QString::number(s.labelsFormatted)));
            else
                QCOMPARE(s.labelsFormatted, 0);
        }
        savePicture(image, "transfer-window");
        QVERIFY(inkIn(image, {}, QRectF(image.rect()), Qt::white) > 1000);
    }

    // An image of the steps before a setting changed does not name the change in its header (the
    // window's header, at such a step, does not either); the whole trace's image does.
    void headerSettingsAsOfTheLastStepDrawn()
    {
        Trace trace;
        generated::Builder b(trace);
        generated::handshake(b);
        trace.appendSettingChange(Side::Client, u"net.ipv4.tcp_sack"_s, u"1"_s, u"0"_s);
        const qsizetype changedAt = trace.size();
        generated::transfer(b, 4);
        const DiagramRenderer r(trace, DiagramOptions());
        const int row = r.layout().rowOfEvent(changedAt);
        QVERIFY(row > 0);
        const QString sackOff = HostSettings::displayName(u"net.ipv4.tcp_sack"_s) + u' '
            + HostSettings::valueText(u"net.ipv4.tcp_sack"_s, u"0"_s);
        const auto headerSays = [&](StepRange range, int revealedUpTo) {
            std::vector<DiagramRenderer::Drawn> drawn;
            r.setInspector(&drawn);
            render(r, range, revealedUpTo);
            r.setInspector(nullptr);
            const qreal line = r.layout().headerHeight();
            return std::any_of(drawn.begin(), drawn.end(), [&](const DiagramRenderer::Drawn &d) {
                return d.kind == DiagramRenderer::Drawn::Kind::Text && d.area.boundingRect().top() < line
                    && d.what.contains(sackOff);
            });
        };
        QVERIFY(!headerSays({0, row - 1}, -1)); // the steps before the change
        QVERIFY(!headerSays({}, row - 1)); // a slide revealed up to before it
        QVERIFY(headerSays({0, row}, -1));
        QVERIFY(headerSays({}, -1));
    }

    void hostSettingsAreWrittenWhole_data()
    {
        QTest::addColumn<int>("layout");
        QTest::addColumn<qreal>("points");
        QTest::newRow("by step") << int(LayoutMode::ByStep) << 10.0;
        QTest::newRow("by time") << int(LayoutMode::ByTime) << 10.0;
        QTest::newRow("lecture text") << int(LayoutMode::ByStep) << 16.0;
    }
    void hostSettingsAreWrittenWhole()
    {
        // Five settings changed on the client, three on the server: every change is written in
        // full (a lecturer reads them all), the header grows by the lines they take, and no text
        // there covers another, the other host's or a lifeline below the header.
        QFETCH(int, layout);
        QFETCH(qreal, points);
        Trace trace;
        generated::Builder b(trace);
        struct Change {
            Side side;
            QString key, from, to;
        };
        const std::vector<Change> changes {
            {Side::Client, u"net.ipv4.tcp_sack"_s, u"1"_s, u"0"_s},
            {Side::Client, u"net.ipv4.tcp_timestamps"_s, u"1"_s, u"2"_s},
            {Side::Client, u"net.ipv4.tcp_window_scaling"_s, u"1"_s, u"0"_s},
            {Side::Client, u"net.ipv4.tcp_ecn"_s, u"2"_s, u"1"_s},
            {Side::Client, u"net.ipv4.tcp_keepalive_time"_s, u"7200"_s, u"60"_s},
            {Side::Server, u"quickack"_s, u"0"_s, u"1"_s},
            {Side::Server, u"net.core.somaxconn"_s, u"4096"_s, u"1"_s},
            {Side::Server, u"net.ipv4.tcp_syncookies"_s, u"1"_s, u"0"_s},
        };
        for (const Change &c : changes)
            trace.appendSettingChange(c.side, c.key, c.from, c.to);
        generated::handshake(b);
        DiagramOptions options;
        options.layout = LayoutMode(layout);
        options.fontPointSize = points;
        const DiagramRenderer r(trace, options);
        Trace plainTrace; // the same without settings
        generated::Builder pb(plainTrace);
        generated::handshake(pb);
        const DiagramRenderer plain(plainTrace, options);
        const qreal lh = r.layout().metrics().lineHeight;
        QVERIFY2(r.layout().headerHeight() > plain.layout().headerHeight(), "the header grew");
        QCOMPARE(r.layout().rowY(0) - r.layout().headerHeight(),
                 plain.layout().rowY(0) - plain.layout().headerHeight());

        std::vector<DiagramRenderer::Drawn> drawn;
        r.setInspector(&drawn);
        const QImage image = render(r);
        r.setInspector(nullptr);
        savePicture(image, "host-settings");
        const qreal line = r.layout().headerHeight() - 0.5 * lh; // the header's rule
        std::vector<const DiagramRenderer::Drawn *> header;
        for (const DiagramRenderer::Drawn &d : drawn) {
            if (d.kind == DiagramRenderer::Drawn::Kind::Text && d.area.boundingRect().top() < line)
                header.push_back(&d);
        }
        for (const Change &c : changes) {
            const QString text = HostSettings::displayName(c.key) + u' ' + HostSettings::valueText(c.key, c.to);
            // On the host's own half of the diagram, whole on one line.
            const qreal app = r.layout().columnX(c.side, DiagramLayout::Column::App);
            const auto found = std::find_if(header.begin(), header.end(), [&](const DiagramRenderer::Drawn *d) {
                return d->what.split(u" · "_s).contains(text)
                    && std::abs(d->area.boundingRect().center().x() - app) < r.size().width() / 2;
            });
            QVERIFY2(found != header.end(), qPrintable(text));
            QVERIFY((*found)->area.boundingRect().bottom() <= line);
            QVERIFY(!(*found)->what.contains(u'…'));
        }
        QVERIFY(header.size() >= 2 + 4 + 2); // titles, column titles, and more than a line of settings
        for (size_t i = 0; i < header.size(); ++i) {
            const QRectF a = header[i]->area.boundingRect();
            QVERIFY2(a.left() >= 0 && a.right() <= r.size().width(), qPrintable(header[i]->what));
            for (size_t j = i + 1; j < header.size(); ++j) {
                QVERIFY2(!a.intersects(header[j]->area.boundingRect()),
                         qPrintable(header[i]->what + u" / "_s + header[j]->what));
            }
        }
        // The lifelines start below the header's rule: nothing drawn in the rows reaches into it.
        for (const DiagramRenderer::Drawn &d : drawn) {
            if (std::find(header.begin(), header.end(), &d) == header.end())
                QVERIFY2(d.area.boundingRect().top() >= line - 0.5, qPrintable(d.what));
        }
        // Stepping through, the header keeps its height: the view's first step shows the same room.
        QImage first(r.size().toSize(), QImage::Format_ARGB32_Premultiplied);
        std::vector<DiagramRenderer::Drawn> atFirst;
        r.setInspector(&atFirst);
        QPainter p(&first);
        r.paintHeader(&p, 0);
        p.end();
        r.setInspector(nullptr);
        QCOMPARE(atFirst.size(), header.size()); // the changes came before the first event
    }

    void exportRangeStartsBelowTheHeader()
    {
        Trace trace;
        generated::Builder b(trace);
        generated::handshake(b);
        const DiagramRenderer r(trace, {});
        const StepRange range {3, 6};
        const QSizeF size = r.size(range);
        const qreal header = r.layout().headerHeight();
        QCOMPARE(size.width(), r.size().width());
        QVERIFY(size.height() < r.size().height());
        QVERIFY(size.height() >= header + 4 * r.layout().rowHeight() - 0.5);
        const std::vector<qreal> breaks = r.pageBreakCandidates(range);
        QCOMPARE(breaks.size(), size_t(3));
        QVERIFY(breaks.front() > header && breaks.back() < size.height());
        QVERIFY(std::is_sorted(breaks.begin(), breaks.end()));
        QCOMPARE(r.eventOfStep(0), 0);
        QCOMPARE(r.eventOfStep(r.stepCount()), -1);
    }
};

SYNSCOPE_TEST_MAIN(TestDiagramPainter)
#include "tst_diagrampainter.moc"
