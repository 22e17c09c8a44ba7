// SPDX-License-Identifier: GPL-3.0-or-later
// The diagram's geometry: rows, arrows and call boxes for traces from the real lab and generated ones.

#include "diagram/diagramlayout.h"
#include "diagram/diagramrenderer.h"
#if SYNSCOPE_HAVE_LAB // two tests record on the lab; the rest need none
#include "lab/labtest.h"
#include "run/scenariorunner.h"
#endif
#include "scenario/builtinscenarios.h"
#include "support/generatedtrace.h"
#include "testmain.h"

#include <QImage>
#include <QPainter>
#include <array>
#include <functional>

#if SYNSCOPE_HAVE_LAB
using namespace labtest;
#endif
using namespace Qt::StringLiterals;
using Column = DiagramLayout::Column;
using ArrowEnd = DiagramLayout::ArrowEnd;

namespace {

constexpr Side other(Side s)
{
    return s == Side::Client ? Side::Server : Side::Client;
}

// Every arrow goes from its sender's TCP column (a late copy: from the wire, where it was held)
// towards its receiver's, downwards; one delivered ends on the receiver's column, one dropped or in
// flight half way (a late copy dropped is only its cross there).
void checkArrows(const DiagramLayout &layout)
{
    for (qsizetype i = 0; i < layout.arrowCount(); ++i) {
        const DiagramLayout::Arrow &a = layout.arrow(i);
        const QPointF s = layout.arrowStart(a);
        const QPointF e = layout.arrowEnd(a);
        QCOMPARE(s.x(), a.late ? layout.wireMiddleX() : layout.columnX(a.sender, Column::Tcp));
        if (a.late && a.end == ArrowEnd::Dropped)
            QCOMPARE(s, e);
        else
            QVERIFY2(s.y() < e.y(), qPrintable(QStringLiteral("arrow %1 does not go down").arg(i)));
        if (a.end == ArrowEnd::Delivered || a.end == ArrowEnd::Fixed)
            QCOMPARE(e.x(), layout.columnX(other(a.sender), Column::Tcp));
        else
            QCOMPARE(e.x(), layout.wireMiddleX());
        if (a.end == ArrowEnd::Delivered) QVERIFY(a.late ? a.endRow == a.startRow : a.endRow > a.startRow);
    }
}

// "delivered +2: SYN J, sent 3 times": how an arrow ends (late: a copy drawn from the wire), how
// many retransmissions it folds, and its label.
QString describe(const DiagramRenderer &r, qsizetype i)
{
    const DiagramLayout::Arrow &a = r.layout().arrow(i);
    static const char *const ends[] = {"in flight", "delivered", "dropped", "fixed"};
    QString d = QString::fromLatin1(ends[int(a.end)]);
    if (a.late) d += u" late"_s;
    if (a.resent) d += u" +"_s + QString::number(a.resent);
    return d + u": "_s + r.arrowLabel(i);
}

QStringList describeAll(const DiagramRenderer &r)
{
    QStringList out;
    for (qsizetype i = 0; i < r.layout().arrowCount(); ++i)
        out << describe(r, i);
    return out;
}

// Feeds a renderer made on an empty trace the events of `full`, one by one, as the lab appends
// them live (a trace with Sends and no wire action yet would otherwise be drawn as a capture).
void grow(const Trace &full, Trace &grown, DiagramRenderer &r)
{
    for (qsizetype i = grown.size(); i < full.size(); ++i) {
        const Event &e = full.at(i);
        const bool call = e.kind == EventKind::Call || e.kind == EventKind::Return || e.kind == EventKind::Signal;
        grown.appendRaw(e, {}, call ? &full.callRecord(e) : nullptr);
        r.update();
    }
}

[[maybe_unused]] qsizetype boxOf(const Trace &trace, const DiagramLayout &layout, const QString &fn)
{
    for (qsizetype i = 0; i < layout.boxCount(); ++i) {
        const DiagramLayout::Box &b = layout.box(i);
        if (b.callEvent != DiagramLayout::kNone && trace.callRecord(trace.at(b.callEvent)).fn == fn) return i;
    }
    return -1;
}

// Time order, by step. Rows follow the trace; an arrow leaves no lower than any arrival that came
// after its Send, and above an arrival at its own sender's side: drawn leaving where that one
// arrives, it would read as its answer (two FINs that cross drawn as a zigzag of four messages).
// What an arrival caused may leave from its row. Counts the pairs that cross (each sent before the
// other arrived), whose arrows must then cross.
void checkTimeOrder(const Trace &trace, const DiagramLayout &layout, int *crossings = nullptr)
{
    for (int r = 1; r < layout.rowCount(); ++r)
        QVERIFY(layout.rowFirstEvent(r - 1) < layout.rowFirstEvent(r));
    const auto name = [&](qsizetype i) {
        const DiagramLayout::Arrow &a = layout.arrow(i);
        return QStringLiteral("arrow %1 (%2 %3, rows %4-%5)")
            .arg(i)
            .arg(sideName(a.sender), tcpFlagsText(trace.at(a.sendEvent).flags))
            .arg(a.startRow)
            .arg(a.endRow);
    };
    int crossed = 0;
    for (qsizetype i = 0; i < layout.arrowCount(); ++i) {
        const DiagramLayout::Arrow &a = layout.arrow(i);
        if (a.late || a.copy || a.end == ArrowEnd::Fixed)
            continue; // drawn from the wire or from a Duplicate: not from its Send
        QCOMPARE(a.startRow, layout.rowOfEvent(a.sendEvent));
        if (a.endEvent != DiagramLayout::kNone) QCOMPARE(a.endRow, layout.rowOfEvent(a.endEvent));
        for (qsizetype j = 0; j < layout.arrowCount(); ++j) {
            const DiagramLayout::Arrow &b = layout.arrow(j);
            if (j == i || b.endEvent == DiagramLayout::kNone || b.end == ArrowEnd::Fixed) continue;
            const QString pair = name(i) + u" and the arrival of "_s + name(j);
            if (a.sendEvent > b.endEvent) {
                QVERIFY2(a.startRow >= b.endRow, qPrintable(u"sent after: "_s + pair));
                continue;
            }
            QVERIFY2(a.startRow <= b.endRow, qPrintable(u"sent before: "_s + pair));
            if (layout.receiverOf(b) == a.sender)
                QVERIFY2(a.startRow < b.endRow, qPrintable(u"sent before, same side: "_s + pair));
            if (!b.late && !b.copy && b.sender != a.sender && a.endEvent != DiagramLayout::kNone
                && b.sendEvent < a.endEvent && i < j) {
                QVERIFY2(b.startRow < a.endRow, qPrintable(u"crossing: "_s + pair));
                ++crossed;
            }
        }
    }
    if (crossings) *crossings = crossed;
}

// Two arrows that cross keep their labels apart (a simultaneous open's SYN, ACKs leave and arrive
// on the same rows: labels both at the middle would be written over each other).
void checkCrossingLabels(const DiagramRenderer &r)
{
    const DiagramLayout &layout = r.layout();
    for (qsizetype i = 0; i < layout.arrowCount(); ++i) {
        const DiagramLayout::Arrow &a = layout.arrow(i);
        for (qsizetype j = i + 1; j < layout.arrowCount(); ++j) {
            const DiagramLayout::Arrow &b = layout.arrow(j);
            if (a.end != ArrowEnd::Delivered || b.end != ArrowEnd::Delivered || a.late || b.late
                || a.sender == b.sender)
                continue;
            const bool cross =
                layout.arrowStart(a).y() < layout.arrowEnd(b).y() && layout.arrowEnd(a).y() > layout.arrowStart(b).y();
            if (cross)
                QVERIFY2(!r.labelArea(i).intersects(r.labelArea(j)),
                         qPrintable(r.arrowLabel(i) + u" over "_s + r.arrowLabel(j)));
        }
    }
}

// A generated trace, made by a test row.
using MakeTrace = std::function<void(generated::Builder &)>;

void closeAfterHandshake(generated::Builder &b, bool dropFirstFin)
{
    using namespace generated;
    const qsizetype close = b.call(Side::Client, QStringLiteral("close"), {{QStringLiteral("fd"), 3}});
    b.ret(Side::Client, close, 0);
    const qsizetype fin = b.send(Side::Client, TcpFlag::Fin | TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1);
    b.state(Side::Client, TcpState::FinWait1);
    qsizetype delivered = fin;
    if (dropFirstFin) {
        b.drop(fin);
        delivered = b.send(Side::Client, TcpFlag::Fin | TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1, 0,
                           EventMark::Retransmission);
    }
    b.deliver(delivered);
    b.state(Side::Server, TcpState::CloseWait);
    const qsizetype ack = b.send(Side::Server, TcpFlag::Ack, kIsnServer + 1, kIsnClient + 2);
    b.deliver(ack);
    b.state(Side::Client, TcpState::FinWait2);
}

} // namespace

// The client's SYN held on the wire (generated traces): sent, resent after one RTO and after
// another, then what the lecturer does with the copies.
namespace held {
using namespace generated;
std::array<qsizetype, 3> sendThrice(Builder &b)
{
    std::array<qsizetype, 3> syn {};
    b.call(Side::Client, QStringLiteral("connect"), {{QStringLiteral("fd"), 3}});
    syn[0] = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0);
    b.state(Side::Client, TcpState::SynSent);
    b.timer(Side::Client, TimerKind::Retransmit, 1000);
    for (size_t k = 1; k < syn.size(); ++k) {
        b.tick(1'000'000'000);
        syn[k] = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0, 0, EventMark::Retransmission);
        b.timer(Side::Client, TimerKind::Retransmit, 1000);
    }
    return syn;
}
void twoRtos(Builder &b)
{
    sendThrice(b);
}
void firstDelivered(Builder &b)
{
    const auto syn = sendThrice(b);
    b.deliver(syn[0]);
    b.state(Side::Server, TcpState::SynRcvd);
    b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, kIsnServer, kIsnClient + 1);
}
void lastDelivered(Builder &b)
{
    b.deliver(sendThrice(b)[2]);
}
void leftoversLater(Builder &b)
{
    const auto syn = sendThrice(b);
    b.deliver(syn[0]);
    b.state(Side::Server, TcpState::SynRcvd);
    b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, kIsnServer, kIsnClient + 1);
    // The server, in SYN_RCVD, answers the duplicate SYN by resending its SYN+ACK.
    b.deliver(syn[1]);
    b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, kIsnServer, kIsnClient + 1, 0, EventMark::Retransmission);
    b.drop(syn[2]);
}
void oneLost(Builder &b)
{
    b.drop(sendThrice(b)[0]);
}
void allLost(Builder &b)
{
    for (qsizetype s : sendThrice(b))
        b.drop(s);
}
void lostThenResent(Builder &b)
{
    const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0);
    b.drop(syn);
    b.tick(1'000'000'000);
    b.deliver(b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0, 0, EventMark::Retransmission));
}
} // namespace held

class TestDiagramLayout : public QObject {
    Q_OBJECT
private slots:
#if SYNSCOPE_HAVE_LAB // the lab's tests; the others need none
    // Stevens fig. 2.5 on two real kernels.
    void labHandshake()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);
        int listenFd = -1;
        makeListener(lab, &listenFd);
        QVERIFY(!QTest::currentTestFailed());
        QTRY_VERIFY_WITH_TIMEOUT(tracedState(trace, Side::Server, TcpState::Listen), kWaitMs);
        const auto accept = server->accept(listenFd);
        const int clientFd = int(client->result(client->socket())->value);
        QVERIFY(clientFd >= 0);
        const auto connect = client->connect(clientFd, Lab::address(4, Side::Server), kPort);
        QTRY_VERIFY_WITH_TIMEOUT(tracedState(trace, Side::Client, TcpState::SynSent), kWaitMs);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Syn);
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(client->hasReturned(connect), kWaitMs);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(server->hasReturned(accept), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(tracedState(trace, Side::Server, TcpState::Established, kPort), kWaitMs);
        const std::vector<Event> s = sends(trace);
        QCOMPARE(s.size(), size_t(3));

        DiagramOptions options;
        const DiagramRenderer renderer(trace, options);
        const DiagramLayout &layout = renderer.layout();
        QCOMPARE(layout.arrowCount(), 3);
        checkArrows(layout);
        const Side senders[] = {Side::Client, Side::Server, Side::Client};
        for (int i = 0; i < 3; ++i) {
            const DiagramLayout::Arrow &a = layout.arrow(i);
            QCOMPARE(a.sender, senders[i]);
            QCOMPARE(a.end, ArrowEnd::Delivered);
            QCOMPARE(trace.at(a.sendEvent).seq, s[size_t(i)].seq);
            // The next segment leaves no earlier than this one arrived.
            if (i > 0) QVERIFY(a.startRow >= layout.arrow(i - 1).endRow);
        }
        // connect() returns on the row the SYN+ACK arrives; accept() on the row the ACK arrives.
        const qsizetype connectBox = boxOf(trace, layout, QStringLiteral("connect"));
        const qsizetype acceptBox = boxOf(trace, layout, QStringLiteral("accept"));
        QVERIFY(connectBox >= 0 && acceptBox >= 0);
        QCOMPARE(layout.box(connectBox).side, Side::Client);
        QCOMPARE(layout.box(connectBox).endRow, layout.arrow(1).endRow);
        QCOMPARE(layout.box(acceptBox).side, Side::Server);
        QCOMPARE(layout.box(acceptBox).endRow, layout.arrow(2).endRow);
        QVERIFY(layout.box(acceptBox).startRow < layout.arrow(0).startRow); // blocked all along: a tall box

        QCOMPARE(renderer.arrowLabel(0), QStringLiteral("SYN J"));
        QCOMPARE(renderer.arrowLabel(1), QStringLiteral("SYN K, ACK J+1"));
        QCOMPARE(renderer.arrowLabel(2), QStringLiteral("ACK K+1"));
        options.numbers = NumberStyle::Absolute;
        const DiagramRenderer absolute(trace, options);
        QCOMPARE(absolute.arrowLabel(0), QStringLiteral("SYN %1").arg(s[0].seq));
        QCOMPARE(absolute.arrowLabel(1), QStringLiteral("SYN %1, ACK %2").arg(s[1].seq).arg(s[0].seq + 1));
        QCOMPARE(absolute.arrowLabel(2), QStringLiteral("ACK %1").arg(s[1].seq + 1));

        // For looking at (the screenshot check): SYNSCOPE_PICTURES=/some/dir.
        const QString dir = qEnvironmentVariable("SYNSCOPE_PICTURES");
        if (!dir.isEmpty()) {
            for (const DiagramTheme theme : {DiagramTheme::Light, DiagramTheme::Dark}) {
                DiagramOptions o;
                o.theme = theme;
                o.fontPointSize = 12;
                const DiagramRenderer r(trace, o);
                QImage image((r.size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
                QPainter p(&image);
                p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
                p.scale(2, 2);
                r.paint(&p);
                p.end();
                image.save(
                    dir
                    + (theme == DiagramTheme::Light ? u"/lab-handshake-light.png"_qs : u"/lab-handshake-dark.png"_qs));
            }
        }
    }
#endif

    void generatedScenarios_data()
    {
        using namespace generated;
        QTest::addColumn<MakeTrace>("scenario");
        QTest::addColumn<QList<int>>("ends");
        QTest::addColumn<QStringList>("labels"); // symbolic, as the diagram writes them

        const int D = int(ArrowEnd::Delivered), X = int(ArrowEnd::Dropped), F = int(ArrowEnd::InFlight);
        QTest::newRow("simultaneous open") << MakeTrace([](Builder &b) {
            const qsizetype c = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0);
            const qsizetype s = b.send(Side::Server, TcpFlag::Syn, kIsnServer, 0);
            b.deliver(c);
            b.deliver(s);
            const qsizetype sa = b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, kIsnServer, kIsnClient + 1);
            const qsizetype ca = b.send(Side::Client, TcpFlag::Syn | TcpFlag::Ack, kIsnClient, kIsnServer + 1);
            b.deliver(sa);
            b.deliver(ca);
        }) << QList<int> {D, D, D, D} << QStringList {u"SYN J"_s, u"SYN K"_s, u"SYN K, ACK J+1"_s, u"SYN J, ACK K+1"_s};
        QTest::newRow("refused: RST") << MakeTrace([](Builder &b) {
            const qsizetype connect = b.call(Side::Client, QStringLiteral("connect"));
            const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0);
            b.deliver(syn);
            const qsizetype rst = b.send(Side::Server, TcpFlag::Rst | TcpFlag::Ack, 0, kIsnClient + 1);
            b.deliver(rst);
            b.ret(Side::Client, connect, -1, ECONNREFUSED);
        }) << QList<int> {D, D} << QStringList {u"SYN J"_s, u"RST, ACK J+1"_s};
        QTest::newRow("retransmitted FIN") << MakeTrace([](Builder &b) {
            handshake(b);
            closeAfterHandshake(b, true);
        }) << QList<int> {D, D, D, X, D, D} << QStringList {u"SYN J"_s, u"SYN K, ACK J+1"_s,          u"ACK K+1"_s,
                                                            u"FIN M"_s, u"FIN M  (retransmission)"_s, u"ACK M+1"_s};
        QTest::newRow("data") << MakeTrace([](Builder &b) {
            handshake(b);
            const qsizetype write = b.call(Side::Client, QStringLiteral("write"), {{QStringLiteral("fd"), 3}});
            b.ret(Side::Client, write, 5);
            const qsizetype data = b.send(Side::Client, TcpFlag::Ack | TcpFlag::Psh, kIsnClient + 1, kIsnServer + 1, 5);
            b.deliver(data);
            const qsizetype ack = b.send(Side::Server, TcpFlag::Ack, kIsnServer + 1, kIsnClient + 6);
            b.deliver(ack);
        }) << QList<int> {D, D, D, D, D}
                              << QStringList {u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"seq J+1, len 5"_s,
                                              u"ACK J+6"_s};
        QTest::newRow("held, copied, in flight") << MakeTrace([](Builder &b) {
            const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0);
            b.duplicate(syn);
            b.deliver(syn, EventMark::Copy);
        }) << QList<int> {F, D} << QStringList {u"SYN J"_s, u"SYN J  (copy)"_s};
    }
    void generatedScenarios()
    {
        QFETCH(MakeTrace, scenario);
        QFETCH(QList<int>, ends);
        QFETCH(QStringList, labels);
        Trace trace;
        generated::Builder b(trace);
        scenario(b);
        const DiagramRenderer renderer(trace, {});
        const DiagramLayout &layout = renderer.layout();
        QCOMPARE(layout.arrowCount(), ends.size());
        for (qsizetype i = 0; i < ends.size(); ++i) {
            QCOMPARE(int(layout.arrow(i).end), ends[i]);
            QCOMPARE(renderer.arrowLabel(i), labels[i]);
        }
        checkArrows(layout);
        checkTimeOrder(trace, layout);

        // Built as the trace grows, event by event, the layout is the same.
        Trace grown;
        DiagramLayout incremental(grown, LayoutMode::ByStep);
        grown.setInfo(trace.info());
        for (qsizetype i = 0; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            const bool call = e.kind == EventKind::Call || e.kind == EventKind::Return || e.kind == EventKind::Signal;
            grown.appendRaw(e, {}, call ? &trace.callRecord(e) : nullptr);
            incremental.update();
        }
        QCOMPARE(incremental.rowCount(), layout.rowCount());
        QCOMPARE(incremental.arrowCount(), layout.arrowCount());
        for (int r = 0; r < layout.rowCount(); ++r)
            QCOMPARE(incremental.rowFirstEvent(r), layout.rowFirstEvent(r));
        for (qsizetype i = 0; i < layout.arrowCount(); ++i) {
            QCOMPARE(incremental.arrow(i).startRow, layout.arrow(i).startRow);
            QCOMPARE(incremental.arrow(i).endRow, layout.arrow(i).endRow);
        }
    }

    // By step, segments that cross are drawn crossing (both leave, then both arrive), and a segment
    // sent before another one arrives at its side leaves above that arrival. Before, an arrival
    // joined the row its side had just sent from: crossing FINs read as four messages in turn.
    void timeOrder_data()
    {
        using namespace generated;
        QTest::addColumn<MakeTrace>("scenario");
        QTest::addColumn<QList<int>>("rows"); // per arrow: start row, end row

        const auto closeCall = [](Builder &b, Side side) {
            b.ret(side, b.call(side, QStringLiteral("close"), {{QStringLiteral("fd"), 3}}), 0);
        };
        // Stevens fig. 18.19 as two real kernels record it: both call close(), both FINs leave before
        // either arrives, each side answers the FIN it gets with an ACK. Rows: the two close()
        // calls, FIN M leaves, FIN N leaves, both FINs arrive and both ACKs leave, both ACKs arrive.
        // (Was 2-3, 3-4, 4-5, 5-6: FIN N leaving where FIN M arrives, ACK M+1 where ACK N+1 does.)
        QTest::newRow("crossing FINs") << MakeTrace([closeCall](Builder &b) {
            closeCall(b, Side::Client);
            closeCall(b, Side::Server);
            const qsizetype m = b.send(Side::Client, TcpFlag::Fin | TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1);
            const qsizetype n = b.send(Side::Server, TcpFlag::Fin | TcpFlag::Ack, kIsnServer + 1, kIsnClient + 1);
            b.state(Side::Client, TcpState::FinWait1);
            b.state(Side::Server, TcpState::FinWait1);
            b.deliver(m);
            b.deliver(n);
            b.state(Side::Client, TcpState::Closing);
            b.state(Side::Server, TcpState::Closing);
            const qsizetype ackN = b.send(Side::Client, TcpFlag::Ack, kIsnClient + 2, kIsnServer + 2);
            const qsizetype ackM = b.send(Side::Server, TcpFlag::Ack, kIsnServer + 2, kIsnClient + 2);
            b.deliver(ackN);
            b.deliver(ackM);
            b.state(Side::Client, TcpState::TimeWait);
            b.state(Side::Server, TcpState::TimeWait);
        }) << QList<int> {2, 4, 3, 4, 4, 5, 4, 5};
        // The same, each kernel answering its FIN before the other FIN arrives.
        QTest::newRow("crossing FINs, each answered at once") << MakeTrace([](Builder &b) {
            const qsizetype m = b.send(Side::Client, TcpFlag::Fin | TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1);
            const qsizetype n = b.send(Side::Server, TcpFlag::Fin | TcpFlag::Ack, kIsnServer + 1, kIsnClient + 1);
            b.deliver(m);
            const qsizetype ackM = b.send(Side::Server, TcpFlag::Ack, kIsnServer + 2, kIsnClient + 2);
            b.deliver(n);
            const qsizetype ackN = b.send(Side::Client, TcpFlag::Ack, kIsnClient + 2, kIsnServer + 2);
            b.deliver(ackM);
            b.deliver(ackN);
        }) << QList<int> {0, 2, 1, 2, 2, 3, 2, 3};
        // Stevens fig. 18.17: the SYNs cross, then the SYN, ACKs, then the ACKs. (Was 0-1, 1-2,
        // 2-3, 3-4 for the first four: a zigzag.)
        QTest::newRow("crossing SYNs and SYN, ACKs") << MakeTrace([](Builder &b) {
            const qsizetype c = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0);
            const qsizetype s = b.send(Side::Server, TcpFlag::Syn, kIsnServer, 0);
            b.deliver(c);
            b.deliver(s);
            const qsizetype sa = b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, kIsnServer, kIsnClient + 1);
            const qsizetype ca = b.send(Side::Client, TcpFlag::Syn | TcpFlag::Ack, kIsnClient, kIsnServer + 1);
            b.deliver(sa);
            b.deliver(ca);
            const qsizetype ackK = b.send(Side::Client, TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1);
            const qsizetype ackJ = b.send(Side::Server, TcpFlag::Ack, kIsnServer + 1, kIsnClient + 1);
            b.deliver(ackK);
            b.deliver(ackJ);
        }) << QList<int> {0, 2, 1, 2, 2, 3, 2, 3, 3, 4, 3, 4};
        // The half-close's end: the server writes, the client acknowledges, and the server closes
        // before that ACK arrives: FIN N leaves above it. (Was 2-3 for the ACK: FIN N leaving
        // where it arrives, as if the ACK made the server close.)
        QTest::newRow("a FIN sent just before an ACK arrives") << MakeTrace([](Builder &b) {
            const qsizetype write = b.call(Side::Server, QStringLiteral("write"), {{QStringLiteral("fd"), 4}});
            b.ret(Side::Server, write, 4);
            const qsizetype data = b.send(Side::Server, TcpFlag::Ack | TcpFlag::Psh, kIsnServer + 1, kIsnClient + 2, 4);
            b.deliver(data);
            const qsizetype ack = b.send(Side::Client, TcpFlag::Ack, kIsnClient + 2, kIsnServer + 5);
            const qsizetype close = b.call(Side::Server, QStringLiteral("close"), {{QStringLiteral("fd"), 4}});
            b.ret(Side::Server, close, 0);
            const qsizetype fin = b.send(Side::Server, TcpFlag::Fin | TcpFlag::Ack, kIsnServer + 5, kIsnClient + 2);
            b.state(Side::Server, TcpState::LastAck);
            b.deliver(ack);
            b.deliver(fin);
            b.state(Side::Client, TcpState::TimeWait);
            b.deliver(b.send(Side::Client, TcpFlag::Ack, kIsnClient + 2, kIsnServer + 6));
            b.state(Side::Server, TcpState::Closed);
        }) << QList<int> {0, 1, 1, 3, 2, 3, 3, 4};
        // A bulk sender's second segment crosses the ACK of its first.
        QTest::newRow("data crossing an ACK") << MakeTrace([](Builder &b) {
            const qsizetype write = b.call(Side::Client, QStringLiteral("write"), {{QStringLiteral("fd"), 3}});
            b.ret(Side::Client, write, 2000);
            const qsizetype first = b.send(Side::Client, TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1, 1000);
            const qsizetype second =
                b.send(Side::Client, TcpFlag::Ack | TcpFlag::Psh, kIsnClient + 1001, kIsnServer + 1, 1000);
            b.deliver(first);
            const qsizetype ack = b.send(Side::Server, TcpFlag::Ack, kIsnServer + 1, kIsnClient + 1001);
            b.deliver(second);
            b.deliver(ack);
        }) << QList<int> {0, 1, 1, 2, 1, 2};
        // A segment the wire loses ends where it is lost; the rule holds for a drop as for a delivery.
        QTest::newRow("a FIN lost while the other side sends") << MakeTrace([](Builder &b) {
            const qsizetype fin = b.send(Side::Client, TcpFlag::Fin | TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1);
            const qsizetype data =
                b.send(Side::Server, TcpFlag::Ack | TcpFlag::Psh, kIsnServer + 1, kIsnClient + 1, 10);
            b.drop(fin);
            b.deliver(data);
        }) << QList<int> {0, 2, 1, 2};
    }
    void timeOrder()
    {
        QFETCH(MakeTrace, scenario);
        QFETCH(QList<int>, rows);
        Trace trace;
        generated::Builder b(trace);
        scenario(b);
        const DiagramRenderer renderer(trace, {});
        const DiagramLayout &layout = renderer.layout();
        QList<int> got;
        for (qsizetype i = 0; i < layout.arrowCount(); ++i)
            got << layout.arrow(i).startRow << layout.arrow(i).endRow;
        QCOMPARE(got, rows);
        checkArrows(layout);
        int crossings = 0;
        checkTimeOrder(trace, layout, &crossings);
        if (QTest::currentTestFailed()) return;
        QVERIFY(crossings > 0);
        checkCrossingLabels(renderer);
    }

    // The same rule whatever order the wire delivers in: generated traffic both ways, each seed
    // another interleaving, folded or not, laid out at once or as the trace grows.
    void timeOrderOnCrossingTraffic()
    {
        int crossings = 0;
        for (quint32 seed = 1; seed <= 200; ++seed) {
            Trace full;
            generated::Builder b(full);
            generated::crossingTraffic(b, seed, 40);
            for (const bool collapse : {false, true}) {
                const DiagramLayout layout(full, LayoutMode::ByStep, {}, collapse);
                int crossed = 0;
                checkTimeOrder(full, layout, &crossed);
                if (QTest::currentTestFailed()) return qWarning("seed %u, %s", seed, collapse ? "folded" : "unfolded");
                crossings += crossed;
            }
            Trace grown;
            grown.setInfo(full.info());
            DiagramLayout incremental(grown, LayoutMode::ByStep);
            for (qsizetype i = 0; i < full.size(); ++i) {
                const Event &e = full.at(i);
                const bool call =
                    e.kind == EventKind::Call || e.kind == EventKind::Return || e.kind == EventKind::Signal;
                grown.appendRaw(e, {}, call ? &full.callRecord(e) : nullptr);
                incremental.update();
            }
            checkTimeOrder(grown, incremental);
            if (QTest::currentTestFailed()) return qWarning("seed %u, grown", seed);
        }
        QVERIFY(crossings > 100); // the traffic did cross
    }

#if SYNSCOPE_HAVE_LAB
    // Real kernels, as the built-in scenarios make them cross: both FINs of a simultaneous close,
    // the SYNs and the SYN, ACKs of a simultaneous open, the server's FIN and the client's last ACK
    // of a half-close. Every pair of arrows of the recorded trace keeps time order.
    void labCrossingSegments_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QList<int>>("pairs"); // client flags, server flags: segments that must cross
        const int fin = TcpFlag::Fin | TcpFlag::Ack, syn = TcpFlag::Syn, synAck = TcpFlag::Syn | TcpFlag::Ack;
        QTest::newRow("simultaneous-close") << u"simultaneous-close"_s << QList<int> {fin, fin};
        QTest::newRow("simultaneous-open") << u"simultaneous-open"_s << QList<int> {syn, syn, synAck, synAck};
        QTest::newRow("half-close") << u"half-close"_s << QList<int> {int(TcpFlag::Ack), fin};
    }
    void labCrossingSegments()
    {
        QFETCH(QString, id);
        QFETCH(QList<int>, pairs);
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        const std::optional<Scenario> scenario = BuiltinScenarios::find(id);
        QVERIFY(scenario);
        ScenarioRunner runner(&lab, *scenario);
        bool done = false, ok = false;
        QString message;
        connect(&runner, &ScenarioRunner::finished, this, [&](bool success, const QString &m) {
            done = true;
            ok = success;
            message = m;
        });
        runner.runAll();
        QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        lab.close();
        QVERIFY2(ok, qPrintable(message));

        // Also as if done by hand in the window: the same events without the scenario's steps, whose
        // row breaks would otherwise keep some of these apart anyway.
        Trace byHand;
        byHand.setInfo(trace.info());
        for (qsizetype i = 0; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            const bool call = e.kind == EventKind::Call || e.kind == EventKind::Return || e.kind == EventKind::Signal;
            byHand.appendRaw(e, {}, call ? &trace.callRecord(e) : nullptr);
        }
        QVERIFY(byHand.steps().empty());
        for (const auto &[recorded, collapse] : {std::pair {&trace, false}, std::pair {&trace, true},
                                                 std::pair {&byHand, false}, std::pair {&byHand, true}}) {
            DiagramOptions options;
            options.collapseRetransmissions = collapse;
            const DiagramRenderer renderer(*recorded, options);
            const DiagramLayout &layout = renderer.layout();
            checkArrows(layout);
            checkTimeOrder(*recorded, layout);
            checkCrossingLabels(renderer);
            if (QTest::currentTestFailed())
                return qWarning("%s, %s", recorded == &trace ? "with steps" : "without steps",
                                collapse ? "folded" : "unfolded");
            // The segments the scenario holds on the wire together are drawn crossing.
            for (qsizetype p = 0; p + 1 < pairs.size(); p += 2) {
                int seen = 0;
                for (qsizetype i = 0; i < layout.arrowCount(); ++i) {
                    const DiagramLayout::Arrow &c = layout.arrow(i);
                    if (c.sender != Side::Client || c.late || c.copy || c.end != ArrowEnd::Delivered
                        || (recorded->at(c.sendEvent).flags & 0x17) != pairs[p])
                        continue;
                    for (qsizetype j = 0; j < layout.arrowCount(); ++j) {
                        const DiagramLayout::Arrow &s = layout.arrow(j);
                        if (s.sender != Side::Server || s.late || s.copy || s.end != ArrowEnd::Delivered
                            || (recorded->at(s.sendEvent).flags & 0x17) != pairs[p + 1])
                            continue;
                        if (c.sendEvent > s.endEvent || s.sendEvent > c.endEvent) continue; // not on the wire together
                        ++seen;
                        QVERIFY2(c.startRow < s.endRow && s.startRow < c.endRow,
                                 qPrintable(QStringLiteral("rows %1-%2 and %3-%4")
                                                .arg(c.startRow)
                                                .arg(c.endRow)
                                                .arg(s.startRow)
                                                .arg(s.endRow)));
                    }
                }
                QVERIFY2(seen > 0,
                         qPrintable(QStringLiteral("no %1 / %2 on the wire together")
                                        .arg(tcpFlagsText(quint8(pairs[p])), tcpFlagsText(quint8(pairs[p + 1])))));
            }
        }
    }
#endif

    void collapsedRetransmissions()
    {
        using namespace generated;
        Trace trace;
        Builder b(trace);
        // The SYN is held, the kernel sends it twice more, the first two are lost, the third arrives.
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0);
        const qsizetype again = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0, 0, EventMark::Retransmission);
        b.drop(syn);
        const qsizetype third = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0, 0, EventMark::Retransmission);
        b.drop(again);
        const qsizetype arrived = b.deliver(third);
        const qsizetype synAck = b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, kIsnServer, kIsnClient + 1);
        b.deliver(synAck);

        DiagramOptions options;
        const DiagramRenderer all(trace, options);
        QCOMPARE(all.layout().arrowCount(), 4);
        QCOMPARE(all.arrowLabel(1), QStringLiteral("SYN J  (retransmission)"));
        options.collapseRetransmissions = true;
        const DiagramRenderer collapsed(trace, options);
        const DiagramLayout &layout = collapsed.layout();
        QCOMPARE(layout.arrowCount(), 2);
        QVERIFY(layout.rowCount() < all.layout().rowCount());
        const DiagramLayout::Arrow &a = layout.arrow(0);
        QCOMPARE(a.end, ArrowEnd::Delivered);
        QCOMPARE(qsizetype(a.endEvent), arrived);
        QCOMPARE(a.resent, 2);
        QCOMPARE(collapsed.arrowLabel(0), QStringLiteral("SYN J, sent 3 times"));
        QCOMPARE(layout.arrowOfEvent(again), 0);
        QCOMPARE(layout.arrowOfEvent(third), 0);
        checkArrows(layout);
    }

    // What a lecturer meets live: the client's SYN held on the wire while its kernel resends it
    // every RTO. Folded, the run is one arrow with a count that ends where a copy is delivered;
    // copies lost before that are told by the count (and the details panel); copies delivered or
    // dropped after it are drawn, late, from the wire. Unfolded, every Send is an arrow.
    void heldSynFolds_data()
    {
        QTest::addColumn<MakeTrace>("scenario");
        QTest::addColumn<QStringList>("folded");
        QTest::addColumn<QStringList>("unfolded");
        const QString inFlight = u"in flight: SYN J  (retransmission)"_s;
        const QString synAck = u"SYN K, ACK J+1"_s;
        QTest::newRow("held across two RTOs")
            << MakeTrace(held::twoRtos) << QStringList {u"in flight +2: SYN J, sent 3 times"_s}
            << QStringList {u"in flight: SYN J"_s, inFlight, inFlight};
        QTest::newRow("the first copy delivered")
            << MakeTrace(held::firstDelivered)
            << QStringList {u"delivered +2: SYN J, sent 3 times  (2 still on the wire)"_s, u"in flight: "_s + synAck}
            << QStringList {u"delivered: SYN J"_s, inFlight, inFlight, u"in flight: "_s + synAck};
        QTest::newRow("the last copy delivered")
            << MakeTrace(held::lastDelivered)
            << QStringList {u"delivered +2: SYN J, sent 3 times  (2 still on the wire)"_s}
            << QStringList {u"in flight: SYN J"_s, inFlight, u"delivered: SYN J  (retransmission)"_s};
        QTest::newRow("the leftovers delivered and dropped later")
            << MakeTrace(held::leftoversLater)
            << QStringList {u"delivered +2: SYN J, sent 3 times"_s, u"in flight +1: "_s + synAck + u", sent 2 times"_s,
                            u"delivered late: SYN J  (copy 2 of 3)"_s, u"dropped late: SYN J  (copy 3 of 3)"_s}
            << QStringList {u"delivered: SYN J"_s, u"delivered: SYN J  (retransmission)"_s,
                            u"dropped: SYN J  (retransmission)"_s, u"in flight: "_s + synAck,
                            u"in flight: "_s + synAck + u"  (retransmission)"_s};
        QTest::newRow("a copy lost while others are held")
            << MakeTrace(held::oneLost) << QStringList {u"in flight +2: SYN J, sent 3 times"_s}
            << QStringList {u"dropped: SYN J"_s, inFlight, inFlight};
        QTest::newRow("every copy lost") << MakeTrace(held::allLost)
                                         << QStringList {u"dropped +2: SYN J, sent 3 times"_s}
                                         << QStringList {u"dropped: SYN J"_s, u"dropped: SYN J  (retransmission)"_s,
                                                         u"dropped: SYN J  (retransmission)"_s};
        // Nothing was held when the kernel resent it: the loss keeps its cross, folded or not.
        QTest::newRow("lost, then resent and delivered")
            << MakeTrace(held::lostThenResent)
            << QStringList {u"dropped: SYN J"_s, u"delivered: SYN J  (retransmission)"_s}
            << QStringList {u"dropped: SYN J"_s, u"delivered: SYN J  (retransmission)"_s};
    }
    void heldSynFolds()
    {
        QFETCH(MakeTrace, scenario);
        QFETCH(QStringList, folded);
        QFETCH(QStringList, unfolded);
        Trace full;
        generated::Builder b(full);
        scenario(b);
        QCOMPARE(full.info().source, u"generated"_s);

        for (const bool collapse : {true, false}) {
            Trace trace;
            trace.setInfo(full.info());
            DiagramOptions options;
            options.collapseRetransmissions = collapse;
            DiagramRenderer r(trace, options);
            grow(full, trace, r);
            const DiagramLayout &layout = r.layout();
            QCOMPARE(describeAll(r), collapse ? folded : unfolded);
            checkArrows(layout);
            checkTimeOrder(trace, layout);

            // Shown, not hidden: every delivery ends an arrow of its own row, every drop is an
            // arrow's end or told by a folded arrow still in flight.
            for (qsizetype i = 0; i < trace.size(); ++i) {
                const Event &e = trace.at(i);
                if (e.kind != EventKind::Deliver && e.kind != EventKind::Drop) continue;
                const qsizetype a = layout.arrowOfEvent(i);
                QVERIFY2(a >= 0, qPrintable(QStringLiteral("event %1 has no arrow").arg(i)));
                if (e.kind == EventKind::Deliver) {
                    QCOMPARE(qsizetype(layout.arrow(a).endEvent), i);
                    QCOMPARE(layout.arrow(a).endRow, layout.rowOfEvent(i));
                } else if (qsizetype(layout.arrow(a).endEvent) != i) {
                    QVERIFY(collapse && layout.arrow(a).resent > 0);
                }
            }
            // Every Send of a folded run is drawn by its arrow; the panels list the same run. (Not
            // before the wire acted: a generated trace of Sends alone has a capture's shape, which
            // only a layout made while it was empty, as live, draws with a wire.)
            bool wireActed = false;
            for (qsizetype i = 0; i < trace.size(); ++i)
                wireActed = wireActed || (trace.at(i).isSegment() && trace.at(i).kind != EventKind::Send);
            for (qsizetype i = 0; collapse && wireActed && i < layout.arrowCount(); ++i) {
                const DiagramLayout::Arrow &a = layout.arrow(i);
                if (a.late || a.copy) continue;
                const std::vector<DiagramLayout::Copy> copies = DiagramLayout::copiesOf(trace, a.sendEvent);
                QCOMPARE(int(copies.size()), a.resent + 1);
                QCOMPARE(layout.foldedSends(i).size(), a.resent ? copies.size() : 0);
                for (const DiagramLayout::Copy &c : copies) {
                    QCOMPARE(layout.arrowOfEvent(c.send), i);
                    QCOMPARE(DiagramLayout::copiesOf(trace, c.send), copies);
                    if (c.fate >= 0) QCOMPARE(qsizetype(trace.at(c.fate).ref), c.send);
                }
            }
        }
    }

    // The copies a run is drawn as, as the panels list them: each Send in order and what the wire did.
    void copiesOfARun()
    {
        using namespace generated;
        Trace trace;
        Builder b(trace);
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0);
        const qsizetype again = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0, 0, EventMark::Retransmission);
        const qsizetype third = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0, 0, EventMark::Retransmission);
        const qsizetype dropped = b.drop(syn);
        const qsizetype delivered = b.deliver(third);
        // After a copy got through, the kernel's next one is a new arrow: a run of its own.
        const qsizetype late = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0, 0, EventMark::Retransmission);
        const qsizetype ack = b.send(Side::Client, TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1);

        using Copies = std::vector<DiagramLayout::Copy>;
        const Copies run {{syn, dropped}, {again, -1}, {third, delivered}};
        for (qsizetype i : {syn, again, third, dropped, delivered})
            QCOMPARE(DiagramLayout::copiesOf(trace, i), run);
        QCOMPARE(DiagramLayout::copiesOf(trace, late), (Copies {{late, -1}}));
        QCOMPARE(DiagramLayout::copiesOf(trace, ack), (Copies {{ack, -1}}));
        QVERIFY(DiagramLayout::copiesOf(trace, -1).empty());
        // The layout folds the same run.
        DiagramOptions options;
        options.collapseRetransmissions = true;
        const DiagramRenderer r(trace, options);
        QCOMPARE(r.layout().arrow(0).resent, 2);
        QCOMPARE(r.layout().heldCopies(0), 1);
        QCOMPARE(r.layout().arrowOfEvent(late), 1);

        // A capture's segments were seen once, with no wire: nothing is a held copy.
        Trace capture;
        TraceInfo info = trace.info();
        info.source = u"capture"_s;
        capture.setInfo(info);
        for (qsizetype i = 0; i < 3; ++i)
            capture.appendRaw(trace.at(i));
        QCOMPARE(DiagramLayout::copiesOf(capture, 1), (Copies {{1, -1}}));
    }

    void refusedConnectReturnsWhereTheRstArrives()
    {
        Trace trace;
        generated::Builder b(trace);
        const qsizetype connect = b.call(Side::Client, QStringLiteral("connect"));
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, generated::kIsnClient, 0);
        b.deliver(syn);
        const qsizetype rst = b.send(Side::Server, TcpFlag::Rst | TcpFlag::Ack, 0, generated::kIsnClient + 1);
        b.deliver(rst);
        b.ret(Side::Client, connect, -1, ECONNREFUSED);
        const DiagramLayout layout(trace, LayoutMode::ByStep);
        QCOMPARE(layout.boxCount(), 1);
        QCOMPARE(layout.box(0).endRow, layout.arrow(1).endRow);
        QCOMPARE(layout.boxOfEvent(connect), 0);
        QCOMPARE(layout.arrowOfEvent(rst), 1);
    }

    // The Qt flavour as QtHost records it: Qt's calls return at once, even one Qt emits a signal
    // inside (disconnected() inside disconnectFromHost(), the signal's record naming the call);
    // nextPendingConnection() hands over a socket or nullptr; QTcpServer's own accept() is Qt's
    // work on the server program's line, a mark, not a call box of the program.
    void qtCallsReturnAtOnce()
    {
        Trace trace;
        generated::Builder b(trace);
        const qsizetype next = b.call(Side::Server, u"QTcpServer::nextPendingConnection"_s);
        const qsizetype nextReturn = b.ret(Side::Server, next, 0, 0, u"socket 0 (10.0.0.1:50435)"_s);
        const qsizetype none = b.call(Side::Server, u"QTcpServer::nextPendingConnection"_s);
        b.ret(Side::Server, none, -1, 0, u"nullptr"_s);
        CallRecord accept;
        accept.fn = u"accept"_s;
        accept.args = {{u"by"_s, u"QTcpServer"_s}};
        accept.hasResult = true;
        accept.result = 13;
        accept.detail = u"10.0.0.1:50435"_s;
        const qsizetype accepted = trace.appendCall(b.tick(), Side::Server, EventKind::Signal, accept);

        const qsizetype disconnect = b.call(Side::Client, u"QTcpSocket::disconnectFromHost"_s, {{u"socket"_s, 0}});
        CallRecord disconnected;
        disconnected.fn = u"disconnected"_s;
        disconnected.args = {{u"socket"_s, 0}};
        disconnected.callEvent = disconnect;
        const qsizetype signal = trace.appendCall(b.tick(), Side::Client, EventKind::Signal, disconnected);
        b.state(Side::Client, TcpState::FinWait1);
        CallRecord returned;
        returned.fn = u"QTcpSocket::disconnectFromHost"_s;
        returned.callEvent = disconnect;
        const qsizetype disconnectReturn = trace.appendCall(b.tick(), Side::Client, EventKind::Return, returned);
        const qsizetype fin =
            b.send(Side::Client, TcpFlag::Fin | TcpFlag::Ack, generated::kIsnClient + 1, generated::kIsnServer + 1);

        const DiagramRenderer r(trace, {});
        const DiagramLayout &layout = r.layout();
        // One row for the call, the signal below it (not a box from the call down to its return).
        const DiagramLayout::Box &box = layout.box(layout.boxOfEvent(disconnect));
        QCOMPARE(box.startRow, layout.rowOfEvent(disconnect));
        QCOMPARE(box.endRow, box.startRow);
        QCOMPARE(box.returnEvent, quint32(disconnectReturn));
        QCOMPARE(layout.boxOfEvent(disconnectReturn), layout.boxOfEvent(disconnect));
        QCOMPARE(layout.rowOfEvent(signal), box.startRow + 1);
        QCOMPARE(r.fullText(disconnect), u"QTcpSocket::disconnectFromHost(0)"_s);
        QCOMPARE(r.fullText(signal), u"disconnected() — emitted inside disconnectFromHost()"_s);
        // The FIN leaves from the signal's row, below the call.
        QVERIFY(layout.arrow(layout.arrowOfEvent(fin)).startRow > box.startRow);

        QCOMPARE(r.fullText(next), u"QTcpServer::nextPendingConnection() → socket 0 (10.0.0.1:50435)"_s);
        QCOMPARE(r.fullText(nextReturn), r.fullText(next));
        QCOMPARE(r.fullText(none), u"QTcpServer::nextPendingConnection() → nullptr"_s);

        QCOMPARE(layout.boxOfEvent(accepted), -1);
        QCOMPARE(r.fullText(accepted), u"accept() by QTcpServer → fd 13"_s);
        bool marked = false;
        for (qsizetype m = 0; m < layout.markCount(); ++m)
            marked = marked || layout.mark(m).event == quint32(accepted);
        QVERIFY(marked);

        // Grown one event at a time (as the live window lays it out), the call still ends on its row.
        Trace grown;
        generated::Builder g(grown);
        DiagramLayout live(grown, LayoutMode::ByStep);
        for (qsizetype i = 0; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            const bool call = e.kind == EventKind::Call || e.kind == EventKind::Return || e.kind == EventKind::Signal;
            grown.appendRaw(e, {}, call ? &trace.callRecord(e) : nullptr);
            const int changed = live.update();
            if (i == disconnectReturn) QCOMPARE(changed, live.rowOfEvent(disconnect)); // the box's row is repainted
        }
        const DiagramLayout::Box &liveBox = live.box(live.boxOfEvent(disconnect));
        QCOMPARE(liveBox.endRow, liveBox.startRow);
    }

    void stepsAfterTheCurrentOneAreHidden()
    {
        Trace trace;
        generated::Builder b(trace);
        generated::handshake(b);
        const DiagramLayout layout(trace, LayoutMode::ByStep);
        const DiagramLayout::Arrow &synAck = layout.arrow(1);
        QCOMPARE(layout.arrowEndKind(synAck), ArrowEnd::Delivered);
        QCOMPARE(layout.arrowEndKind(synAck, synAck.endRow - 1), ArrowEnd::InFlight);
        QCOMPARE(layout.arrowEnd(synAck, synAck.endRow - 1).x(), layout.wireMiddleX());
        QCOMPARE(layout.arrowEndKind(synAck, synAck.endRow), ArrowEnd::Delivered);
    }

    void byTime()
    {
        Trace trace;
        generated::Builder b(trace); // events 1 ms apart unless told
        // Gaps of 1 ms, one of 2 ms, one of 3 ms and a pause of a minute.
        for (int i = 0; i < 40; ++i) {
            if (i == 20) b.tick(1'000'000);
            if (i == 25) b.tick(2'000'000);
            if (i == 30) b.tick(60'000'000'000);
            b.deliver(b.send(i % 2 ? Side::Server : Side::Client, TcpFlag::Ack, 1000 + i, 2000));
        }
        const DiagramLayout layout(trace, LayoutMode::ByTime);
        // One row an event: nothing is merged by time.
        QCOMPARE(layout.rowCount(), int(trace.size()));
        checkArrows(layout);
        // The typical gap (1 ms) is a row; other gaps in proportion, a long pause cut to four rows.
        int sawLonger = 0, sawPause = 0;
        for (int r = 0; r + 1 < layout.rowCount(); ++r) {
            const qreal dy = layout.rowY(r + 1) - layout.rowY(r);
            const qint64 dt = trace.at(layout.rowFirstEvent(r + 1)).tNs - trace.at(layout.rowFirstEvent(r)).tNs;
            if (dt > 10'000'000) {
                QCOMPARE(dy, 4 * layout.rowHeight());
                ++sawPause;
            } else {
                QCOMPARE(dy, layout.rowHeight() * qreal(dt) / 1e6);
                sawLonger += dt > 1'000'000;
            }
        }
        QCOMPARE(sawLonger, 2);
        QCOMPARE(sawPause, 1);
        // rowAt finds each row at its own y.
        for (int r = 0; r < layout.rowCount(); ++r)
            QCOMPARE(layout.rowAt(layout.rowY(r)), r);
    }

    void captureArrowsHaveAFixedSlope()
    {
        Trace trace;
        generated::Builder b(trace);
        // A capture's shape: each segment seen once (no wire actions).
        for (int i = 0; i < 10; ++i)
            b.send(i % 2 ? Side::Server : Side::Client, TcpFlag::Ack, 1000 + i, 2000);
        const DiagramLayout layout(trace, LayoutMode::ByStep);
        QCOMPARE(layout.arrowCount(), 10);
        checkArrows(layout);
        const qreal rise = layout.arrowEnd(layout.arrow(0)).y() - layout.arrowStart(layout.arrow(0)).y();
        for (qsizetype i = 0; i < 10; ++i) {
            QCOMPARE(layout.arrow(i).end, ArrowEnd::Fixed);
            const DiagramLayout::Arrow &a = layout.arrow(i);
            QCOMPARE(layout.arrowEnd(a).y() - layout.arrowStart(a).y(), rise);
        }
    }
};

SYNSCOPE_TEST_MAIN(TestDiagramLayout)
#include "tst_diagramlayout.moc"
