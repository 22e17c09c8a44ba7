// SPDX-License-Identifier: GPL-3.0-or-later
// Captions of the steps of a handshake, a refused connect and a lost segment, on a generated trace
// (labelled "generated": built by the test, not recorded from kernels).

#include "testmain.h"
#include "trace/segmentlabels.h"
#include "trace/stepcaption.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <cerrno>

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
}

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
};

SYNSCOPE_TEST_MAIN(TestStepCaption)
#include "tst_stepcaption.moc"
