// SPDX-License-Identifier: GPL-3.0-or-later
// Captions of the steps of a handshake, a refused connect and a lost segment, on a generated trace
// (labelled "generated": built by the test, not recorded from kernels).

#include "testmain.h"
#include "trace/segmentlabels.h"
#include "trace/stepcaption.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <cerrno>

using namespace Qt::StringLiterals;

namespace {
class Builder {
public:
    Builder()
    {
        TraceInfo info;
        info.source = QStringLiteral("generated");
        trace.setInfo(info);
    }
    qsizetype send(Side side, quint8 flags, quint32 seq, quint32 ack, quint8 marks = 0)
    {
        TcpSegment s;
        s.srcPort = side == Side::Client ? 40000 : 9877;
        s.dstPort = side == Side::Client ? 9877 : 40000;
        s.flags = flags;
        s.seq = seq;
        s.ack = ack;
        s.window = 64240;
        return trace.appendSend(next(), side, {}, s, marks);
    }
    qsizetype wire(EventKind kind, qsizetype sendIndex) { return trace.appendWireAction(next(), kind, sendIndex); }
    qsizetype data(Side side, quint32 seq, quint32 ack, quint32 length, quint8 marks = 0)
    {
        TcpSegment s;
        s.srcPort = side == Side::Client ? 40000 : 9877;
        s.dstPort = side == Side::Client ? 9877 : 40000;
        s.flags = TcpFlag::Ack | TcpFlag::Psh;
        s.seq = seq;
        s.ack = ack;
        s.window = 64240;
        s.payloadLength = length;
        return trace.appendSend(next(), side, {}, s, marks);
    }
    qsizetype state(Side side, TcpState state)
    {
        return trace.appendState(next(), side, side == Side::Client ? 40000 : 9877, side == Side::Client ? 9877 : 40000,
                                 state);
    }
    qsizetype timer(Side side, TimerKind kind, quint32 expiresMs, quint32 retransmits = 0)
    {
        return trace.appendTimer(next(), side, side == Side::Client ? 40000 : 9877, side == Side::Client ? 9877 : 40000,
                                 kind, expiresMs, retransmits);
    }
    void wait(qint64 ms) { m_t += ms * 1000000; } // time passes with nothing recorded
    qsizetype call(Side side, const QString &fn)
    {
        CallRecord r;
        r.fn = fn;
        return trace.appendCall(next(), side, EventKind::Call, r);
    }
    qsizetype ret(Side side, qsizetype callEvent, qint64 value, int err = 0)
    {
        CallRecord r;
        r.fn = trace.callRecord(trace.at(callEvent)).fn;
        r.hasResult = true;
        r.result = value;
        r.err = err;
        r.callEvent = callEvent;
        return trace.appendCall(next(), side, EventKind::Return, r);
    }
    QString caption(qsizetype index, NumberStyle style = NumberStyle::Symbolic)
    {
        SegmentLabeler labels(trace);
        labels.update();
        return StepCaption::describe(trace, labels, index, style);
    }
    Trace trace;

private:
    qint64 next() { return m_t += 1000000; }
    qint64 m_t = 0;
};
} // namespace

class TestStepCaption : public QObject {
    Q_OBJECT
private slots:
    void handshake()
    {
        Builder b;
        const qsizetype accept = b.call(Side::Server, QStringLiteral("accept"));
        const qsizetype connect = b.call(Side::Client, QStringLiteral("connect"));
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, 1000, 0);
        const qsizetype synIn = b.wire(EventKind::Deliver, syn);
        const qsizetype synAck = b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, 5000, 1001);
        const qsizetype synAckIn = b.wire(EventKind::Deliver, synAck);
        const qsizetype connected = b.ret(Side::Client, connect, 0);
        const qsizetype ack = b.send(Side::Client, TcpFlag::Ack, 1001, 5001);
        b.wire(EventKind::Deliver, ack);
        const qsizetype accepted = b.ret(Side::Server, accept, 4);

        QVERIFY(b.caption(connect).contains(QStringLiteral("connect() blocks")));
        const QString synText = b.caption(syn);
        QVERIFY2(synText.contains(QStringLiteral("sends SYN J"))
                     && synText.contains(QStringLiteral("connect() is still blocked")),
                 qPrintable(synText));
        QVERIFY(b.caption(synIn).startsWith(QStringLiteral("SYN J arrives at the server's kernel")));
        // The example of the issue, word for word in its first part.
        const QString answer = b.caption(synAck);
        QVERIFY2(answer.startsWith(
                     QStringLiteral("The server's kernel answered the SYN with its own SYN and an ACK of J+1")),
                 qPrintable(answer));
        QVERIFY2(answer.contains(QStringLiteral("connect() is still blocked until this segment arrives")),
                 qPrintable(answer));
        QVERIFY(b.caption(synAckIn).contains(QStringLiteral("a blocked connect() returns")));
        QVERIFY(b.caption(connected).startsWith(QStringLiteral("connect() returns 0")));
        const QString third = b.caption(ack);
        QVERIFY2(third.contains(QStringLiteral("ACK K+1"))
                     && third.contains(QStringLiteral("accept() on the server is still blocked")),
                 qPrintable(third));
        QVERIFY(b.caption(accepted).startsWith(QStringLiteral("accept() returns descriptor 4")));
        // The number style of the diagram is the caption's too.
        QVERIFY(b.caption(synAck, NumberStyle::Absolute).contains(QStringLiteral("ACK of 1001")));
        // Out of range: nothing.
        QVERIFY(b.caption(b.trace.size()).isEmpty());
    }

    void refusedLostAndResent()
    {
        Builder b;
        const qsizetype connect = b.call(Side::Client, QStringLiteral("connect"));
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, 1000, 0);
        const qsizetype lost = b.wire(EventKind::Drop, syn);
        const qsizetype again = b.send(Side::Client, TcpFlag::Syn, 1000, 0, EventMark::Retransmission);
        b.wire(EventKind::Deliver, again);
        const qsizetype rst = b.send(Side::Server, TcpFlag::Rst | TcpFlag::Ack, 0, 1001);
        b.wire(EventKind::Deliver, rst);
        const qsizetype refused = b.ret(Side::Client, connect, -1, ECONNREFUSED);

        QVERIFY(b.caption(lost).startsWith(QStringLiteral("The wire loses SYN J")));
        const QString resent = b.caption(again);
        QVERIFY2(resent.contains(QStringLiteral("sends SYN J again"))
                     && resent.contains(QStringLiteral("retransmission timer")),
                 qPrintable(resent));
        QVERIFY(b.caption(rst).contains(QStringLiteral("reset")));
        const QString failed = b.caption(refused);
        QVERIFY2(failed.contains(QStringLiteral("connect() fails")) && failed.contains(QStringLiteral("ECONNREFUSED")),
                 qPrintable(failed));
    }

    // The lab's Interrupt ends a blocked call with EINTR: the caption says it was interrupted, not
    // that something failed.
    void interruptedCall()
    {
        Builder b;
        const qsizetype accept = b.call(Side::Server, QStringLiteral("accept"));
        const qsizetype interrupted = b.ret(Side::Server, accept, -1, EINTR);
        const QString text = b.caption(interrupted);
        QVERIFY2(text.startsWith(QStringLiteral("accept() was interrupted: it returns -1 EINTR")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("the server program can make other calls again")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("fails")), qPrintable(text));
        // Any other errno still reads as a failure.
        const qsizetype read = b.call(Side::Client, QStringLiteral("read"));
        const QString reset = b.caption(b.ret(Side::Client, read, -1, ECONNRESET));
        QVERIFY2(reset.contains(QStringLiteral("read() fails")) && reset.contains(QStringLiteral("ECONNRESET")),
                 qPrintable(reset));
    }

    // Timers named as students know them; sock_diag's timer 3 by the state of its socket.
    void timerNames_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("state"); // of the socket before the timer; -1: none reported
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("caption");
        QTest::newRow("retransmit") << int(TimerKind::Retransmit) << int(TcpState::Established) << u"retransmit timer"_s
                                    << u"arms its retransmit timer, 204 ms left"_s;
        QTest::newRow("persist") << int(TimerKind::ZeroWindowProbe) << int(TcpState::Established) << u"persist timer"_s
                                 << u"window probe"_s;
        QTest::newRow("keepalive") << int(TimerKind::Keepalive) << int(TcpState::Established) << u"keepalive"_s
                                   << u"keepalive timer"_s;
        QTest::newRow("orphaned FIN_WAIT_2")
            << int(TimerKind::TimeWait) << int(TcpState::FinWait2) << u"FIN_WAIT_2 timeout"_s << u"tcp_fin_timeout"_s;
        QTest::newRow("TIME_WAIT") << int(TimerKind::TimeWait) << int(TcpState::TimeWait) << u"TIME_WAIT 2MSL"_s
                                   << u"2MSL (fixed at 60 s on Linux)"_s;
        QTest::newRow("stopped") << int(TimerKind::None) << int(TcpState::Established) << QString()
                                 << u"stops its timer"_s;
    }
    void timerNames()
    {
        QFETCH(int, kind);
        QFETCH(int, state);
        QFETCH(QString, name);
        QFETCH(QString, caption);
        Builder b;
        if (state >= 0) b.state(Side::Client, TcpState(state));
        const qsizetype timer = b.timer(Side::Client, TimerKind(kind), 204);
        QCOMPARE(StepCaption::timerName(b.trace, timer), name);
        const QString text = b.caption(timer);
        QVERIFY2(text.contains(caption), qPrintable(text));
    }

    // A lost SYN, as Linux 6.x resends it: the RTO fires at 1 s, and the kernel reports its timer
    // at 1 s again (linear SYN timeouts), not 2 s.
    void synRtoStaysLinear()
    {
        Builder b;
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, 1000, 0);
        b.state(Side::Client, TcpState::SynSent);
        b.timer(Side::Client, TimerKind::Retransmit, 1000);
        b.wire(EventKind::Drop, syn);
        b.wait(1000);
        const qsizetype again = b.send(Side::Client, TcpFlag::Syn, 1000, 0, EventMark::Retransmission);
        const qsizetype rearmed = b.timer(Side::Client, TimerKind::Retransmit, 992, 1);
        QCOMPARE(StepCaption::resendCause(b.trace, again), StepCaption::Resend::Rto);
        const QString resent = b.caption(again);
        QVERIFY2(resent.contains(u"retransmission timeout (RTO)"_s), qPrintable(resent));
        const QString timer = b.caption(rearmed);
        QVERIFY2(timer.contains(u"has resent 1 time"_s) && timer.contains(u"992 ms"_s)
                     && timer.contains(u"It did not double"_s) && timer.contains(u"tcp_syn_linear_timeouts"_s),
                 qPrintable(timer));
        // Past the linear ones, data's RTO doubles.
        Builder d;
        d.state(Side::Client, TcpState::Established);
        const qsizetype first = d.data(Side::Client, 1001, 5001, 5);
        d.timer(Side::Client, TimerKind::Retransmit, 204);
        d.wire(EventKind::Drop, first);
        d.wait(210);
        const qsizetype resend = d.data(Side::Client, 1001, 5001, 5, EventMark::Retransmission);
        const qsizetype doubled = d.timer(Side::Client, TimerKind::Retransmit, 408, 1);
        QCOMPARE(StepCaption::resendCause(d.trace, resend), StepCaption::Resend::Rto);
        const QString backoff = d.caption(doubled);
        QVERIFY2(backoff.contains(u"exponential backoff"_s), qPrintable(backoff));
    }

    // The retransmit family, told apart where it fires (data-and-acks and lost-fin as recorded).
    void resendCauses_data()
    {
        QTest::addColumn<int>("waitMs"); // from the timer's report to the resend
        QTest::addColumn<bool>("partialAck"); // the peer acknowledged the first segment
        QTest::addColumn<quint32>("resentSeq");
        QTest::addColumn<int>("cause");
        // Three writes in flight, the first acknowledged; 8 ms later the last goes out again: no RTO
        // was due (204 ms), so the tail-loss probe.
        QTest::newRow("tail-loss probe") << 8 << true << 1010u << int(StepCaption::Resend::TailLossProbe);
        // Nothing acknowledged; the oldest segment resent once the 204 ms ran out: the RTO.
        QTest::newRow("RTO") << 210 << false << 1001u << int(StepCaption::Resend::Rto);
        // The oldest resent early, after duplicate ACKs: no timer (a fast retransmit).
        QTest::newRow("fast retransmit") << 8 << true << 1006u << int(StepCaption::Resend::Unknown);
    }
    void resendCauses()
    {
        QFETCH(int, waitMs);
        QFETCH(bool, partialAck);
        QFETCH(quint32, resentSeq);
        QFETCH(int, cause);
        Builder b;
        b.send(Side::Client, TcpFlag::Syn, 1000, 0);
        b.state(Side::Client, TcpState::Established);
        b.data(Side::Client, 1001, 5001, 5);
        b.timer(Side::Client, TimerKind::Retransmit, 204);
        b.data(Side::Client, 1006, 5001, 4);
        b.data(Side::Client, 1010, 5001, 5);
        if (partialAck) {
            const qsizetype ack = b.send(Side::Server, TcpFlag::Ack, 5001, 1006);
            b.wire(EventKind::Deliver, ack);
        }
        b.wait(waitMs);
        const quint32 len = resentSeq == 1006 ? 4 : 5;
        const qsizetype resent = b.data(Side::Client, resentSeq, 5001, len, EventMark::Retransmission);
        QCOMPARE(int(StepCaption::resendCause(b.trace, resent)), cause);
        const QString text = b.caption(resent);
        if (cause == int(StepCaption::Resend::TailLossProbe))
            QVERIFY2(text.contains(u"as a tail-loss probe"_s), qPrintable(text));
        else if (cause == int(StepCaption::Resend::Rto))
            QVERIFY2(text.contains(u"(RTO)"_s), qPrintable(text));
        else
            QVERIFY2(text.contains(u"sends seq J+6, len 4 again"_s), qPrintable(text));
    }

    // A zero-window probe is told as one.
    void windowProbe()
    {
        Builder b;
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, 1000, 0);
        b.wire(EventKind::Deliver, syn);
        b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, 5000, 1001);
        b.data(Side::Client, 1001, 5001, 5);
        TcpSegment closed;
        closed.srcPort = 9877;
        closed.dstPort = 40000;
        closed.flags = TcpFlag::Ack;
        closed.seq = 5001;
        closed.ack = 1006;
        closed.window = 0;
        b.trace.appendSend(b.trace.at(b.trace.size() - 1).tNs + 1, Side::Server, {}, closed);
        const qsizetype probe = b.send(Side::Client, TcpFlag::Ack, 1005, 5001);
        const QString text = b.caption(probe);
        QVERIFY2(text.contains(u"sends window probe, seq J+5"_s) && text.contains(u"persist timer"_s),
                 qPrintable(text));
    }
};

SYNSCOPE_TEST_MAIN(TestStepCaption)
#include "tst_stepcaption.moc"
