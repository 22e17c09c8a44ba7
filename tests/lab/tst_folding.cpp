// SPDX-License-Identifier: GPL-3.0-or-later
// A SYN held on the wire while the client's real kernel resends it: folded, the diagram draws the
// run as one arrow with a count; unfolded, an arrow a Send. Delivering one copy ends the arrow and
// completes the handshake; the copies left on the wire are drawn when the wire lets them go.
// Nothing is timed: the test waits for the Sends, since kernels differ in their SYN timeouts
// (6.x may resend linearly, 6.1 doubles the interval).

#include "diagram/diagramrenderer.h"
#include "labtest.h"
#include "testmain.h"

#include <QImage>
#include <QPainter>

using namespace labtest;
using ArrowEnd = DiagramLayout::ArrowEnd;

namespace {
// The client's Sends of the SYN, in order.
std::vector<qsizetype> synSends(const Trace &trace)
{
    std::vector<qsizetype> out;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::Send && e.side == Side::Client && (e.flags & 0x17) == TcpFlag::Syn) out.push_back(i);
    }
    return out;
}

// The wire's Deliver or Drop of that Send; -1 if none.
qsizetype wireAction(const Trace &trace, EventKind kind, qsizetype send)
{
    for (qsizetype i = trace.size() - 1; i > send; --i) {
        const Event &e = trace.at(i);
        if (e.kind == kind && qsizetype(e.ref) == send) return i;
    }
    return -1;
}

DiagramOptions options(bool collapse)
{
    DiagramOptions o;
    o.collapseRetransmissions = collapse;
    return o;
}
} // namespace

class TestFolding : public QObject {
    Q_OBJECT
private slots:
    void heldSynIsOneArrow()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);
        int listenFd = -1;
        makeListener(lab, &listenFd);
        QVERIFY(!QTest::currentTestFailed());
        const auto accept = server->accept(listenFd);
        const int clientFd = int(client->result(client->socket())->value);
        QVERIFY(clientFd >= 0);
        const auto connect = client->connect(clientFd, Lab::address(4, Side::Server), kPort);

        // The wire holds the SYN (step mode) until the kernel has sent it three times: two RTOs.
        QTRY_VERIFY_WITH_TIMEOUT(synSends(trace).size() >= 3, 3 * kWaitMs);
        // The next RTO is a second or more away: this is the state right after the third Send.
        const std::vector<qsizetype> syn = synSends(trace);
        QCOMPARE(syn.size(), size_t(3));
        QCOMPARE(lab.wire()->inFlight(Direction::ClientToServer).size(), size_t(3));
        for (qsizetype s : syn) {
            QCOMPARE(trace.at(s).seq, trace.at(syn[0]).seq);
            QCOMPARE(bool(trace.at(s).marks & EventMark::Retransmission), s != syn[0]);
        }
        QVERIFY(!client->hasReturned(connect));
        {
            const DiagramRenderer folded(trace, options(true));
            const DiagramLayout &layout = folded.layout();
            QCOMPARE(layout.arrowCount(), 1);
            const DiagramLayout::Arrow &a = layout.arrow(0);
            QCOMPARE(a.resent, 2);
            QCOMPARE(a.end, ArrowEnd::InFlight);
            QCOMPARE(qsizetype(a.sendEvent), syn[0]);
            for (qsizetype s : syn)
                QCOMPARE(layout.arrowOfEvent(s), 0);
            QVERIFY2(folded.arrowLabel(0).contains(QStringLiteral("sent 3 times")), qPrintable(folded.arrowLabel(0)));
            QCOMPARE(folded.arrowLabel(0), QStringLiteral("SYN J, sent 3 times"));

            const DiagramRenderer unfolded(trace, options(false));
            QCOMPARE(unfolded.layout().arrowCount(), 3);
            for (qsizetype i = 0; i < 3; ++i) {
                QCOMPARE(unfolded.layout().arrow(i).resent, 0);
                QCOMPARE(unfolded.layout().arrow(i).end, ArrowEnd::InFlight);
            }
        }

        // Deliver the first copy: the arrow ends there, the other two stay on the wire.
        const quint64 first = lab.wire()->inFlight(Direction::ClientToServer).front().id;
        QCOMPARE(lab.wire()->inFlight(Direction::ClientToServer).front().sendIndex, syn[0]);
        QVERIFY(lab.wire()->deliver(first));
        const qsizetype delivered = wireAction(trace, EventKind::Deliver, syn[0]);
        QVERIFY(delivered > 0);
        {
            const DiagramRenderer folded(trace, options(true));
            const DiagramLayout &layout = folded.layout();
            const DiagramLayout::Arrow &a = layout.arrow(0);
            QCOMPARE(a.end, ArrowEnd::Delivered);
            QCOMPARE(qsizetype(a.endEvent), delivered);
            QCOMPARE(a.endRow, layout.rowOfEvent(delivered));
            QCOMPARE(layout.heldCopies(0), 2);
            QVERIFY2(folded.arrowLabel(0).contains(QStringLiteral("2 still on the wire")),
                     qPrintable(folded.arrowLabel(0)));
            const std::vector<DiagramLayout::Copy> copies = DiagramLayout::copiesOf(trace, syn[1]);
            QCOMPARE(copies.size(), size_t(3));
            QCOMPARE(copies[0].fate, delivered);
            QCOMPARE(copies[1].fate, -1);
        }

        // The handshake completes on that one copy.
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(client->hasReturned(connect), kWaitMs);
        QCOMPARE(client->result(connect)->value, 0);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(server->hasReturned(accept), kWaitMs);
        QVERIFY(server->result(accept)->value >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(tracedState(trace, Side::Server, TcpState::Established, kPort), kWaitMs);

        // The copies left on the wire are still real packets: one delivered late (the server,
        // established, gets a duplicate SYN), one dropped. Each is drawn, from the wire.
        const auto leftover = [&](qsizetype send) -> quint64 {
            for (const InFlight &f : lab.wire()->inFlight(Direction::ClientToServer)) {
                if (f.sendIndex == send) return f.id;
            }
            return 0;
        };
        QVERIFY(leftover(syn[1]) && leftover(syn[2]));
        QVERIFY(lab.wire()->deliver(leftover(syn[1])));
        QVERIFY(lab.wire()->drop(leftover(syn[2])));
        const qsizetype lateDelivery = wireAction(trace, EventKind::Deliver, syn[1]);
        const qsizetype lateDrop = wireAction(trace, EventKind::Drop, syn[2]);
        QVERIFY(lateDelivery > 0 && lateDrop > lateDelivery);
        const DiagramRenderer folded(trace, options(true));
        const DiagramLayout &layout = folded.layout();
        QCOMPARE(layout.arrow(0).resent, 2);
        QCOMPARE(qsizetype(layout.arrow(0).endEvent), delivered);
        QCOMPARE(layout.heldCopies(0), 0);
        QCOMPARE(folded.arrowLabel(0), QStringLiteral("SYN J, sent 3 times"));
        const qsizetype lateArrow = layout.arrowOfEvent(lateDelivery);
        const qsizetype dropArrow = layout.arrowOfEvent(lateDrop);
        QVERIFY(lateArrow > 0 && dropArrow > lateArrow);
        QVERIFY(layout.arrow(lateArrow).late);
        QCOMPARE(layout.arrow(lateArrow).end, ArrowEnd::Delivered);
        QCOMPARE(folded.arrowLabel(lateArrow), QStringLiteral("SYN J  (copy 2 of 3)"));
        QVERIFY(layout.arrow(dropArrow).late);
        QCOMPARE(layout.arrow(dropArrow).end, ArrowEnd::Dropped);
        QCOMPARE(folded.arrowLabel(dropArrow), QStringLiteral("SYN J  (copy 3 of 3)"));
        QCOMPARE(layout.foldOf(lateArrow), 0);

        // For looking at: SYNSCOPE_PICTURES=/some/dir.
        const QString dir = qEnvironmentVariable("SYNSCOPE_PICTURES");
        if (!dir.isEmpty()) {
            QImage image((folded.size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
            QPainter p(&image);
            p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            p.scale(2, 2);
            folded.paint(&p);
            p.end();
            image.save(dir + QStringLiteral("/lab-held-syn.png"));
        }
    }
};

SYNSCOPE_TEST_MAIN(TestFolding)
#include "tst_folding.moc"
