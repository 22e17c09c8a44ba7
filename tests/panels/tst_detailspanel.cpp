// SPDX-License-Identifier: GPL-3.0-or-later
// The details panel on generated traces (labelled "generated" or, for an imported segment,
// "capture"; the packets are built by the test, not sent by a kernel): the summary line a student
// reads first for a SYN, a data segment, a RST and a call; every sequence number with its letter
// beside it; TCP before IP; no text cut at the width the window gives the panel; every header
// field and option of a SYN and the hex dump of its bytes; a call with its arguments, result,
// errno and blocked time; a SYN its sender resent, with every copy and what the wire did with it,
// kept up to date as the wire acts.

#include "panels/detailspanel.h"
#include "panels/wrappingtreewidget.h"
#include "testmain.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextLayout>
#include <QTreeWidget>
#include <QtEndian>
#include <algorithm>
#include <cerrno>

namespace {
// A SYN from 10.0.0.1:40000 to 10.0.0.2:9877 with MSS 1460, SACK_PERM, TS, WS 7 (as Linux sends).
QByteArray synPacket()
{
    QByteArray p(60, '\0');
    auto *d = reinterpret_cast<uchar *>(p.data());
    const uchar ip[] = {0x45, 0x00, 0x00, 0x3c, 0x12, 0x34, 0x40, 0x00, 0x40, 0x06,
                        0xab, 0xcd, 10,   0,    0,    1,    10,   0,    0,    2};
    const uchar tcp[] = {0x9c, 0x40, 0x26, 0x95, 0x11, 0x22, 0x33, 0x44, 0, 0, 0, 0, 0xa0, 0x02, 0xfa, 0xf0, 0xbe, 0xef,
                         0, 0,
                         // MSS 1460, SACK_PERM, TS 1000/0, NOP, WS 7
                         2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0x03, 0xe8, 0, 0, 0, 0, 1, 3, 3, 7};
    std::copy(std::begin(ip), std::end(ip), d);
    std::copy(std::begin(tcp), std::end(tcp), d + 20);
    return p;
}

// A segment between 10.0.0.1:40000 (client) and 10.0.0.2:9877 (server) as Linux sends it;
// checksums left zero (nothing here checks them).
struct Packet {
    Side from = Side::Client;
    quint8 flags = 0;
    quint32 seq = 0, ack = 0;
    quint16 window = 64240;
    QByteArray options; // whole 4-byte words
    QByteArray data;
    bool v6 = false; // fd00::1 (client) and fd00::2 (server)
};

QByteArray bytesOf(const Packet &p)
{
    QByteArray tcp(20, '\0');
    const bool client = p.from == Side::Client;
    qToBigEndian<quint16>(client ? 40000 : 9877, tcp.data());
    qToBigEndian<quint16>(client ? 9877 : 40000, tcp.data() + 2);
    qToBigEndian(p.seq, tcp.data() + 4);
    qToBigEndian(p.ack, tcp.data() + 8);
    tcp[12] = char(((20 + p.options.size()) / 4) << 4);
    tcp[13] = char(p.flags);
    qToBigEndian(p.window, tcp.data() + 14);
    tcp += p.options + p.data;
    if (p.v6) {
        QByteArray ip =
            QByteArray::fromHex("6000000000000640fd000000000000000000000000000001fd000000000000000000000000000002");
        qToBigEndian<quint16>(quint16(tcp.size()), ip.data() + 4);
        if (!client) std::swap_ranges(ip.begin() + 8, ip.begin() + 24, ip.begin() + 24);
        return ip + tcp;
    }
    QByteArray ip = QByteArray::fromHex("4500000000004000400600000a0000010a000002");
    qToBigEndian<quint16>(quint16(20 + tcp.size()), ip.data() + 2);
    if (!client) std::swap_ranges(ip.begin() + 12, ip.begin() + 16, ip.begin() + 16);
    return ip + tcp;
}

// MSS 1460, SACK_PERM, TS, NOP, WS 7: the options of a Linux SYN.
const QByteArray kSynOptions = QByteArray::fromHex("020405b40402080a000003e80000000001030307");

qsizetype send(Trace &trace, qint64 tNs, const Packet &p, quint8 marks = 0, quint16 analysis = 0)
{
    const QByteArray bytes = bytesOf(p);
    TcpSegment s;
    if (parseIpTcp(reinterpret_cast<const uchar *>(bytes.constData()), bytes.size(), s) != ParseStatus::Ok)
        qFatal("the test built a packet it cannot parse");
    return trace.appendSend(tNs, p.from, bytes, s, marks, analysis);
}

// The handshake and a write of "hello", with the numbers of a real run: J = 3967990325 (the
// client's ISN), K = 1234567890; both SYNs offer window scale 7.
struct Conversation {
    qsizetype syn = -1, synAck = -1, ack = -1, data = -1, dataDelivered = -1;
};
constexpr quint32 kJ = 3967990325u;
constexpr quint32 kK = 1234567890u;

Conversation conversation(Trace &trace)
{
    Conversation c;
    c.syn = send(trace, 1'000'000, {Side::Client, TcpFlag::Syn, kJ, 0, 64240, kSynOptions, {}});
    trace.appendWireAction(2'000'000, EventKind::Deliver, c.syn);
    c.synAck = send(trace, 3'000'000, {Side::Server, TcpFlag::Syn | TcpFlag::Ack, kK, kJ + 1, 65160, kSynOptions, {}});
    trace.appendWireAction(4'000'000, EventKind::Deliver, c.synAck);
    c.ack = send(trace, 5'000'000, {Side::Client, TcpFlag::Ack, kJ + 1, kK + 1, 502, {}, {}});
    trace.appendWireAction(6'000'000, EventKind::Deliver, c.ack);
    c.data = send(trace, 7'000'000,
                  {Side::Client, TcpFlag::Psh | TcpFlag::Ack, kJ + 1, kK + 1, 502, {}, QByteArrayLiteral("hello")});
    c.dataDelivered = trace.appendWireAction(8'000'000, EventKind::Deliver, c.data);
    return c;
}

Trace *generatedTrace(Trace &trace, const QString &source = QStringLiteral("generated"))
{
    TraceInfo info;
    info.source = source;
    trace.setInfo(info);
    return &trace;
}

// The summary as it reads (it keeps "seq 3967990326 = J+1" on one line with no-break spaces).
QString summaryOf(const DetailsPanel &panel)
{
    return panel.summaryText().replace(QChar::Nbsp, u' ');
}

// The section titles in order (the sentence in the first row has no fields under it).
QStringList sections(QTreeWidget *tree)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->childCount() > 0) out << tree->topLevelItem(i)->text(0);
    }
    return out;
}

qsizetype sectionIndex(const QStringList &titles, const QString &prefix)
{
    return std::find_if(titles.begin(), titles.end(), [&](const QString &t) { return t.startsWith(prefix); })
        - titles.begin();
}

// Lines a text takes at `width` pixels, wrapped as a reader would accept it: at spaces, and inside
// a word only where the word alone is wider than the line.
int linesAt(const QString &text, const QFont &font, int width)
{
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    int lines = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        ++lines;
    }
    layout.endLayout();
    return lines;
}

// Shows the panel `width` pixels wide and checks that no text in it is cut: every cell of the tree
// lies inside the viewport and is tall enough for its text wrapped to the cell's width, the
// summary lines have the height their wrapped text needs, and every line of the hex dump fits.
void checkNothingCut(DetailsPanel &panel, int width, const QString &picture, bool hexFits = true)
{
    panel.resize(width, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const auto *tree = static_cast<WrappingTreeWidget *>(panel.tree());
    // The rows are laid out again once the columns have been fitted to the new width.
    QTRY_VERIFY(tree->header()->length() <= tree->viewport()->width());
    QCoreApplication::processEvents();
    // For looking at: SYNSCOPE_PICTURES=/some/dir keeps what the test drew.
    const QString dir = qEnvironmentVariable("SYNSCOPE_PICTURES");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        panel.grab().save(QDir(dir).filePath(QStringLiteral("details-%1-%2.png").arg(picture).arg(width)));
    }
    const int viewportWidth = tree->viewport()->width();
    QVERIFY(!tree->horizontalScrollBar()->isVisible());
    int cells = 0;
    for (QTreeWidgetItemIterator it(panel.tree()); *it; ++it) {
        for (int column = 0; column < 2; ++column) {
            const QString text = (*it)->text(column);
            if (text.isEmpty()) continue;
            const QModelIndex index = panel.tree()->indexFromItem(*it, column);
            const QRect cell = tree->visualRect(index);
            const QRect room = tree->textRect(index);
            QVERIFY2(cell.left() >= 0 && cell.right() < viewportWidth,
                     qPrintable(QStringLiteral("\"%1\" lies outside the panel (%2 to %3 of %4)")
                                    .arg(text)
                                    .arg(cell.left())
                                    .arg(cell.right())
                                    .arg(viewportWidth)));
            const int lines = linesAt(text, (*it)->font(column), room.width());
            const int needed = lines * QFontMetrics((*it)->font(column)).lineSpacing();
            QVERIFY2(cell.height() >= needed,
                     qPrintable(QStringLiteral("\"%1\" needs %2 lines (%3 px) in %4 px, its row is %5 px high")
                                    .arg(text)
                                    .arg(lines)
                                    .arg(needed)
                                    .arg(room.width())
                                    .arg(cell.height())));
            ++cells;
        }
    }
    QVERIFY(cells > 10);
    for (QLabel *label : panel.findChildren<QLabel *>()) {
        if (label->isHidden()) continue;
        QVERIFY(label->geometry().right() < panel.width());
        QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
    }
    const auto *hex = panel.findChild<QPlainTextEdit *>();
    const QFontMetrics mono(hex->font());
    for (const QString &line : panel.hexText().split(u'\n', Qt::SkipEmptyParts)) {
        if (hexFits) QVERIFY2(mono.horizontalAdvance(line) <= hex->viewport()->width(), qPrintable(line));
    }
}

// "Field" -> "Value" of every row of the tree, sections included as "section: title". A name in
// two sections ("Flags", "Header length") is the first one's: TCP's. No-break spaces read as spaces.
QHash<QString, QString> rows(QTreeWidget *tree)
{
    QHash<QString, QString> out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *s = tree->topLevelItem(i);
        out.insert(QStringLiteral("section %1").arg(i), s->text(0));
        for (int j = 0; j < s->childCount(); ++j) {
            if (!out.contains(s->child(j)->text(0)))
                out.insert(s->child(j)->text(0), s->child(j)->text(1).replace(QChar::Nbsp, u' '));
        }
    }
    return out;
}
} // namespace

class TestDetailsPanel : public QObject {
    Q_OBJECT
private slots:
    // What a student reads first: the segment's label, then what its numbers are.
    void summaryOfASyn()
    {
        Trace trace;
        const Conversation c = conversation(*generatedTrace(trace));
        DetailsPanel panel;
        panel.setTrace(&trace);
        panel.setEventIndex(c.syn);
        QCOMPARE(summaryOf(panel), QStringLiteral("SYN J — seq 3967990325 = J, no data, window 64240"));
        QVERIFY(panel.summaryText().contains(QStringLiteral("seq\u00a03967990325\u00a0=\u00a0J,")));
        QVERIFY(panel.explanationText().startsWith(QStringLiteral("The client's kernel sends SYN J")));
        qInfo().noquote() << summaryOf(panel);
        panel.setEventIndex(c.synAck);
        QCOMPARE(summaryOf(panel),
                 QStringLiteral("SYN K, ACK J+1 — seq 1234567890 = K, ack 3967990326 = J+1, no data, window 65160"));
        qInfo().noquote() << summaryOf(panel);
        // After both SYNs offered scaling, the window field counts 128-byte units.
        panel.setEventIndex(c.ack);
        QCOMPARE(
            summaryOf(panel),
            QStringLiteral("ACK K+1 — seq 3967990326 = J+1, ack 1234567891 = K+1, no data, window 502 ×128 = 64256"));
        qInfo().noquote() << summaryOf(panel);
        panel.setEventIndex(-1);
        QVERIFY(summaryOf(panel).isEmpty());
        QVERIFY(panel.explanationText().isEmpty());
    }

    void summaryOfADataSegment()
    {
        Trace trace;
        const Conversation c = conversation(*generatedTrace(trace));
        DetailsPanel panel;
        panel.setTrace(&trace);
        // The delivery of the segment says the same as its sending; the sentence under it differs.
        for (qsizetype selected : {c.data, c.dataDelivered}) {
            panel.setEventIndex(selected);
            QCOMPARE(summaryOf(panel),
                     QStringLiteral("seq J+1, len 5 — seq 3967990326 = J+1, ack 1234567891 = K+1, data \"hello\", "
                                    "window 502 ×128 = 64256"));
            const QHash<QString, QString> r = rows(panel.tree());
            QCOMPARE(r.value(QStringLiteral("Sequence number")), QStringLiteral("3967990326 = J+1"));
            QCOMPARE(r.value(QStringLiteral("Acknowledgment number")), QStringLiteral("1234567891 = K+1"));
            QCOMPARE(r.value(QStringLiteral("Next sequence number")), QStringLiteral("3967990331 = J+6"));
            QCOMPARE(r.value(QStringLiteral("Window")), QStringLiteral("502 ×128 = 64256 bytes"));
            QCOMPARE(r.value(QStringLiteral("Start")), QStringLiteral("\"hello\""));
        }
        qInfo().noquote() << summaryOf(panel);
        QVERIFY(panel.explanationText().startsWith(QStringLiteral("seq J+1, len 5 arrives at the server's kernel")));
    }

    // connect() to a port nobody listens on: the answer carries sequence number 0 and ACK J+1.
    void summaryOfARst()
    {
        Trace trace;
        generatedTrace(trace);
        const qsizetype syn = send(trace, 1'000'000, {Side::Client, TcpFlag::Syn, kJ, 0, 64240, kSynOptions, {}});
        trace.appendWireAction(2'000'000, EventKind::Deliver, syn);
        const qsizetype rst = send(trace, 3'000'000, {Side::Server, TcpFlag::Rst | TcpFlag::Ack, 0, kJ + 1, 0, {}, {}});
        DetailsPanel panel;
        panel.setTrace(&trace);
        panel.setEventIndex(rst);
        QCOMPARE(summaryOf(panel), QStringLiteral("RST, ACK J+1 — seq 0, ack 3967990326 = J+1, no data"));
        qInfo().noquote() << summaryOf(panel);
        QVERIFY(panel.explanationText().contains(QStringLiteral("a reset")));
        const QHash<QString, QString> r = rows(panel.tree());
        QCOMPARE(r.value(QStringLiteral("Sequence number")), QStringLiteral("0"));
        QCOMPARE(r.value(QStringLiteral("Acknowledgment number")), QStringLiteral("3967990326 = J+1"));
        QCOMPARE(r.value(QStringLiteral("Flags")), QStringLiteral("0x14 (RST, ACK)"));

        // A RST in the middle of a connection names its sequence number.
        Trace later;
        const Conversation c = conversation(*generatedTrace(later));
        const qsizetype reset = send(later, 9'000'000, {Side::Server, TcpFlag::Rst, kK + 1, 0, 0, {}, {}});
        panel.setTrace(&later);
        panel.setEventIndex(reset);
        QCOMPARE(summaryOf(panel), QStringLiteral("RST K+1 — seq 1234567891 = K+1, no data"));
        qInfo().noquote() << summaryOf(panel);
        Q_UNUSED(c)
    }

    // A capture that starts in the middle of a connection, over IPv6: no SYN was seen, so the
    // numbers have no letters (they are counted from the first seen, as Wireshark does) and the
    // window's scale is unknown; Wireshark's marks are named.
    void summaryOfACaptureWithoutItsSyn()
    {
        Trace trace;
        generatedTrace(trace, QStringLiteral("capture"));
        const qsizetype data =
            send(trace, 1'000'000,
                 {Side::Server, TcpFlag::Psh | TcpFlag::Ack, 70000, 90000, 501, {}, QByteArrayLiteral("OK\n"), true},
                 EventMark::Retransmission, AnalysisMark::SpuriousRetransmission);
        DetailsPanel panel;
        panel.setTrace(&trace);
        panel.setEventIndex(data);
        QCOMPARE(summaryOf(panel),
                 QStringLiteral("seq 1, len 3, ACK 1 — seq 70000 (relative 1), ack 90000 (relative 1), data \"OK\\n\", "
                                "window 501, scale unknown"));
        qInfo().noquote() << summaryOf(panel);
        const QHash<QString, QString> r = rows(panel.tree());
        QCOMPARE(r.value(QStringLiteral("Wireshark's analysis")), QStringLiteral("spurious retransmission"));
        QCOMPARE(r.value(QStringLiteral("Window")),
                 QStringLiteral("501 (scale unknown: the connection's SYNs were not seen)"));
        QCOMPARE(r.value(QStringLiteral("Source")), QStringLiteral("fd00::2"));
        QCOMPARE(r.value(QStringLiteral("Hop limit")), QStringLiteral("64"));
        QCOMPARE(sections(panel.tree()).last(), QStringLiteral("IPv6, fd00::2 → fd00::1"));
        QVERIFY(panel.explanationText().contains(QStringLiteral("spurious retransmission")));
    }

    // TCP is what the diagram is about: its rows come first, the IP header's last.
    void tcpBeforeIp()
    {
        Trace trace;
        const Conversation c = conversation(*generatedTrace(trace));
        DetailsPanel panel;
        panel.setTrace(&trace);
        panel.setEventIndex(c.data);
        const QStringList titles = sections(panel.tree());
        QCOMPARE(titles.first(), QStringLiteral("TCP, port 40000 → 9877"));
        QCOMPARE(titles.last(), QStringLiteral("IPv4, 10.0.0.1 → 10.0.0.2"));
        QVERIFY(sectionIndex(titles, QStringLiteral("Data")) < sectionIndex(titles, QStringLiteral("Event")));
        QVERIFY(sectionIndex(titles, QStringLiteral("Event")) < sectionIndex(titles, QStringLiteral("IPv4")));
        // The first rows of the first section are the numbers of the label.
        QCOMPARE(panel.tree()->topLevelItem(0)->text(0), panel.explanationText());
        QTreeWidgetItem *tcp = panel.tree()->topLevelItem(1);
        QCOMPARE(tcp->child(2)->text(0), QStringLiteral("Sequence number"));
        QCOMPARE(tcp->child(3)->text(0), QStringLiteral("Acknowledgment number"));
    }

    // At the width the window gives its side docks, and at what that comes to at 1366×768, no
    // text in the panel is cut: not the IP flags' "Don't fragment", not a payload, not a summary.
    void nothingCutAtTheDockWidth_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("what");
        for (int width : {280, 346}) {
            for (const char *what : {"syn", "data", "rst", "call", "capture"})
                QTest::addRow("%s at %d", what, width) << width << QString::fromLatin1(what);
        }
    }
    void nothingCutAtTheDockWidth()
    {
        QFETCH(int, width);
        QFETCH(QString, what);
        Trace trace;
        const Conversation c = conversation(
            *generatedTrace(trace, what == u"capture" ? QStringLiteral("capture") : QStringLiteral("generated")));
        qsizetype selected = what == u"syn" ? c.syn : c.dataDelivered;
        if (what == u"rst") selected = send(trace, 9'000'000, {Side::Server, TcpFlag::Rst, kK + 1, 0, 0, {}, {}});
        if (what == u"capture") // a fast retransmission of a long write, as Wireshark marks it
            selected = send(
                trace, 9'000'000,
                {Side::Client,
                 TcpFlag::Psh | TcpFlag::Ack,
                 kJ + 1,
                 kK + 1,
                 502,
                 {},
                 QByteArrayLiteral("GET /a/rather/long/path/with/no/spaces/in/it/at/all?query=1&more=2 HTTP/1.1\r\n")},
                EventMark::Retransmission, AnalysisMark::FastRetransmission | AnalysisMark::WindowFull);
        if (what == u"call") {
            CallRecord call;
            call.fn = QStringLiteral("connect");
            call.args = {{QStringLiteral("fd"), 3},
                         {QStringLiteral("addr"), QStringLiteral("10.0.0.2")},
                         {QStringLiteral("port"), 9877}};
            const qsizetype ci = trace.appendCall(10'000'000, Side::Client, EventKind::Call, call);
            CallRecord ret = call;
            ret.hasResult = true;
            ret.result = -1;
            ret.err = ECONNREFUSED;
            ret.callEvent = ci;
            selected = trace.appendCall(13'000'000, Side::Client, EventKind::Return, ret);
        }
        DetailsPanel panel;
        panel.setTrace(&trace);
        panel.setEventIndex(selected);
        // Eight bytes a line of a fixed font need some 320 pixels: narrower, the dump scrolls. (The
        // dock never gets that narrow in the window: the server's panel above it is wider.)
        checkNothingCut(panel, width, what, width >= 346);
        if (what == u"capture") {
            const QHash<QString, QString> r = rows(panel.tree());
            QCOMPARE(r.value(QStringLiteral("Wireshark's analysis")),
                     QStringLiteral("fast retransmission, window full"));
            QVERIFY(panel.explanationText().contains(QStringLiteral("fast retransmission")));
            qInfo().noquote() << summaryOf(panel);
        }
    }

    // The panel lays its rows out again when its dock is resized: what fitted in one line at 346
    // pixels wraps at 200, and takes one line again at 600.
    void rowsFollowTheWidth()
    {
        Trace trace;
        const Conversation c = conversation(*generatedTrace(trace));
        DetailsPanel panel;
        panel.setTrace(&trace);
        panel.setEventIndex(c.data);
        checkNothingCut(panel, 346, QStringLiteral("resize"));
        checkNothingCut(panel, 200, QStringLiteral("resize"), false); // eight bytes a line is as narrow as a dump goes
        checkNothingCut(panel, 600, QStringLiteral("resize"));
        // Wide enough, a dump shows sixteen bytes a line; narrow, eight.
        QVERIFY(panel.hexText().startsWith(QStringLiteral("0000  45 00 00 2d 00 00 40 00  40 06 00 00 0a 00 00 01")));
        panel.resize(280, 700);
        QCoreApplication::processEvents();
        QVERIFY(panel.hexText().startsWith(QStringLiteral("0000  45 00 00 2d 00 00 40 00  E..-..@.\n")));
    }

    void segmentFieldsAndBytes()
    {
        Trace trace;
        TraceInfo info;
        info.source = QStringLiteral("generated");
        trace.setInfo(info);
        const QByteArray bytes = synPacket();
        TcpSegment s;
        QCOMPARE(parseIpv4Tcp(reinterpret_cast<const uchar *>(bytes.constData()), bytes.size(), s), ParseStatus::Ok);
        const qsizetype send = trace.appendSend(1000000, Side::Client, bytes, s);
        const qsizetype deliver = trace.appendWireAction(251000000, EventKind::Deliver, send);

        DetailsPanel panel;
        panel.setTrace(&trace);
        panel.setEventIndex(deliver);
        const QHash<QString, QString> r = rows(panel.tree());
        QCOMPARE(r.value(QStringLiteral("Source")), QStringLiteral("10.0.0.1"));
        QCOMPARE(r.value(QStringLiteral("Destination")), QStringLiteral("10.0.0.2"));
        QCOMPARE(r.value(QStringLiteral("Time to live")), QStringLiteral("64"));
        QCOMPARE(r.value(QStringLiteral("Identification")), QStringLiteral("0x1234"));
        QCOMPARE(r.value(QStringLiteral("Source port")), QStringLiteral("40000 (client)"));
        QCOMPARE(r.value(QStringLiteral("Destination port")), QStringLiteral("9877 (server)"));
        QCOMPARE(r.value(QStringLiteral("Sequence number")), QStringLiteral("287454020 = J"));
        QCOMPARE(r.value(QStringLiteral("Next sequence number")), QStringLiteral("287454021 = J+1"));
        QCOMPARE(r.value(QStringLiteral("Flags")), QStringLiteral("0x02 (SYN)"));
        QCOMPARE(r.value(QStringLiteral("Window")), QStringLiteral("64240 bytes (a SYN's window is never scaled)"));
        QCOMPARE(r.value(QStringLiteral("Checksum")), QStringLiteral("0xbeef"));
        QCOMPARE(r.value(QStringLiteral("Maximum segment size")), QStringLiteral("1460 bytes"));
        QCOMPARE(r.value(QStringLiteral("SACK permitted")), QStringLiteral("yes"));
        QCOMPARE(r.value(QStringLiteral("Timestamp value")), QStringLiteral("1000"));
        QCOMPARE(r.value(QStringLiteral("Window scale")), QStringLiteral("7 (multiply by 128)"));
        QCOMPARE(r.value(QStringLiteral("Time on the wire")), QStringLiteral("250.000 ms"));
        QCOMPARE(r.value(QStringLiteral("Sequence space used")), QStringLiteral("1"));
        // Sent once: no list of copies.
        const QStringList fields = r.keys();
        QVERIFY(std::none_of(fields.begin(), fields.end(),
                             [](const QString &f) { return f.startsWith(QStringLiteral("Copy")); }));

        // The hex dump shows the bytes, 16 a line, with their offsets.
        const QStringList lines = panel.hexText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[0].startsWith(QStringLiteral("0000  45 00 00 3c 12 34 40 00  40 06 ab cd 0a 00 00 01")));
        QVERIFY(lines[3].startsWith(QStringLiteral("0030  ")));
        QCOMPARE(DetailsPanel::hexDump(QByteArrayView("AB\x01", 3)).trimmed().right(3), QStringLiteral("AB."));
    }

    // The kernel resent the held SYN twice; the diagram may draw the three as one arrow, so the
    // panel lists each: when it was sent and whether it was delivered, dropped or is still held.
    void copiesOfAResentSegment()
    {
        Trace trace;
        TraceInfo info;
        info.source = QStringLiteral("generated");
        trace.setInfo(info);
        const QByteArray bytes = synPacket();
        TcpSegment s;
        QCOMPARE(parseIpv4Tcp(reinterpret_cast<const uchar *>(bytes.constData()), bytes.size(), s), ParseStatus::Ok);
        const qsizetype first = trace.appendSend(1'000'000, Side::Client, bytes, s);
        const qsizetype second = trace.appendSend(1'001'000'000, Side::Client, bytes, s, EventMark::Retransmission);
        const qsizetype third = trace.appendSend(3'001'000'000, Side::Client, bytes, s, EventMark::Retransmission);
        trace.appendWireAction(3'500'000'000, EventKind::Deliver, second);
        const qsizetype dropped = trace.appendWireAction(3'600'000'000, EventKind::Drop, first);

        DetailsPanel panel;
        panel.setTrace(&trace);
        for (qsizetype selected : {first, second, dropped}) {
            panel.setEventIndex(selected);
            const QHash<QString, QString> r = rows(panel.tree());
            QVERIFY(r.values().contains(QStringLiteral("Sent 3 times")));
            const QString one = selected == second ? QStringLiteral("Copy 1") : QStringLiteral("Copy 1 (this one)");
            QCOMPARE(r.value(one), QStringLiteral("sent at 1.000 ms; dropped at 3600.000 ms"));
            const QString two = selected == second ? QStringLiteral("Copy 2 (this one)") : QStringLiteral("Copy 2");
            QCOMPARE(r.value(two),
                     QStringLiteral(
                         "sent at 1001.000 ms, retransmission; delivered at 3500.000 ms, the first to get through"));
            QCOMPARE(r.value(QStringLiteral("Copy 3")),
                     QStringLiteral("sent at 3001.000 ms, retransmission; still held on the wire"));
        }

        // The held copy is delivered while the panel shows the run: the list follows.
        trace.appendWireAction(4'000'000'000, EventKind::Deliver, third);
        QTRY_COMPARE(
            rows(panel.tree()).value(QStringLiteral("Copy 3")),
            QStringLiteral(
                "sent at 3001.000 ms, retransmission; delivered at 4000.000 ms, a duplicate for the receiver"));
        QCOMPARE(panel.eventIndex(), dropped);
    }

    void callArgumentsResultAndBlockedTime()
    {
        Trace trace;
        TraceInfo info;
        info.source = QStringLiteral("generated");
        trace.setInfo(info);
        CallRecord call;
        call.fn = QStringLiteral("connect");
        call.args = {{QStringLiteral("fd"), 3},
                     {QStringLiteral("addr"), QStringLiteral("10.0.0.2")},
                     {QStringLiteral("port"), 9877}};
        const qsizetype c = trace.appendCall(2000000, Side::Client, EventKind::Call, call);
        CallRecord ret;
        ret.fn = QStringLiteral("connect");
        ret.hasResult = true;
        ret.result = -1;
        ret.err = ECONNREFUSED;
        ret.callEvent = c;
        const qsizetype r = trace.appendCall(5000000, Side::Client, EventKind::Return, ret);

        DetailsPanel panel;
        panel.setTrace(&trace);
        for (qsizetype selected : {c, r}) {
            panel.setEventIndex(selected);
            const QHash<QString, QString> fields = rows(panel.tree());
            QCOMPARE(fields.value(QStringLiteral("port")), QStringLiteral("9877"));
            QCOMPARE(fields.value(QStringLiteral("addr")), QStringLiteral("10.0.0.2"));
            QCOMPARE(fields.value(QStringLiteral("Value")), QStringLiteral("-1"));
            QVERIFY(fields.value(QStringLiteral("errno")).startsWith(QStringLiteral("ECONNREFUSED")));
            QCOMPARE(fields.value(QStringLiteral("Blocked for")), QStringLiteral("3.000 ms"));
            QCOMPARE(summaryOf(panel), QStringLiteral("connect(addr=10.0.0.2, fd=3, port=9877) = -1 ECONNREFUSED"));
        }
        qInfo().noquote() << summaryOf(panel);
        QVERIFY(panel.explanationText().startsWith(QStringLiteral("connect() fails")));
        QVERIFY(panel.hexText().isEmpty());
        panel.setEventIndex(-1);
        QCOMPARE(panel.tree()->topLevelItemCount(), 0);
    }
};

SYNSCOPE_TEST_MAIN(TestDetailsPanel)
#include "tst_detailspanel.moc"
