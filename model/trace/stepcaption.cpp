// SPDX-License-Identifier: GPL-3.0-or-later
#include "stepcaption.h"

#include "../lab/errnoname.h"
#include "tcpsegment.h"
#include "trace.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text) { return QCoreApplication::translate("StepCaption", text); }

QString sideOf(Side side) { return side == Side::Client ? tr("client") : tr("server"); }
QString kernelOf(Side side) { return side == Side::Client ? tr("The client's kernel") : tr("The server's kernel"); }
QString programOf(Side side) { return side == Side::Client ? tr("The client program") : tr("The server program"); }

// "connect" for "connect", "QTcpSocket::connectToHost" stays as it is.
QString callName(const CallRecord &r) { return r.fn + QStringLiteral("()"); }

// The call `side`'s program is blocked in just after event `index`, or -1.
qsizetype blockedCallAt(const Trace &trace, Side side, qsizetype index)
{
    // Calls of one BSD program don't overlap: the last call on that side without a return yet.
    for (qsizetype i = index; i >= 0; --i) {
        const Event &e = trace.at(i);
        if (e.side != side)
            continue;
        if (e.kind == EventKind::Return)
            return -1;
        if (e.kind == EventKind::Call) {
            // Walking back, a call met before any return of its side has not returned yet.
            const QString fn = trace.callRecord(e).fn;
            // Only the BSD calls that wait for the kernel; Qt's API calls return at once.
            return (fn == u"connect" || fn == u"accept" || fn == u"read" || fn == u"write") ? i : -1;
        }
    }
    return -1;
}

QString stillBlocked(const Trace &trace, Side side, qsizetype index, const QString &until)
{
    const qsizetype call = blockedCallAt(trace, side, index);
    if (call < 0)
        return {};
    return tr("; %1 is still blocked until %2").arg(callName(trace.callRecord(trace.at(call))), until);
}

QString describeSend(const Trace &trace, const SegmentLabeler &labels, qsizetype index, NumberStyle style)
{
    const Event &e = trace.at(index);
    const QString label = labels.label(index, style);
    const QString kernel = kernelOf(e.side);
    const quint8 f = e.flags;
    if (e.marks & EventMark::Retransmission)
        return tr("%1 sends %2 again: its retransmission timer ran out before the segment was acknowledged. "
                  "Kernel timers keep running while you think.")
            .arg(kernel, label);
    if (f & TcpFlag::Rst)
        return tr("%1 answers with %2: a reset. There is no connection for this segment (nobody listens on the "
                  "port, SO_LINGER 0, or unread data was thrown away at close()).")
            .arg(kernel, label);
    if ((f & TcpFlag::Syn) && !(f & TcpFlag::Ack))
        return tr("%1 sends %2 to open a connection and enters SYN_SENT%3.")
            .arg(kernel, label, stillBlocked(trace, e.side, index, tr("the answer arrives")));
    if ((f & TcpFlag::Syn) && (f & TcpFlag::Ack)) {
        QString text = tr("%1 answered the SYN with its own SYN and an %2 — by itself, accept() plays no part")
                           .arg(kernel, tr("ACK of %1").arg(labels.ackText(index, style)));
        const qsizetype peerCall = blockedCallAt(trace, otherSide(e.side), index);
        if (peerCall >= 0 && trace.callRecord(trace.at(peerCall)).fn == u"connect")
            text += tr("; connect() is still blocked until this segment arrives");
        return text + u'.';
    }
    if (f & TcpFlag::Fin)
        return tr("%1 sends %2: its program has closed its side (close() or shutdown()); the peer will read end of "
                  "file once it arrives.")
            .arg(kernel, label);
    if (e.length > 0)
        return QCoreApplication::translate(
            "StepCaption", "%1 sends %2 — %n byte(s) of data the program wrote%3.", nullptr, int(e.length))
            .arg(kernel, label, stillBlocked(trace, otherSide(e.side), index, tr("data arrives")));
    // A bare ACK: the third segment of the handshake, or acknowledging data or a FIN.
    const qsizetype peerCall = blockedCallAt(trace, otherSide(e.side), index);
    if (peerCall >= 0 && trace.callRecord(trace.at(peerCall)).fn == u"accept")
        return tr("%1 sends %2, the third segment of the handshake; accept() on the %3 is still blocked until it "
                  "arrives.")
            .arg(kernel, label, sideOf(otherSide(e.side)));
    return tr("%1 acknowledges with %2.").arg(kernel, label);
}

QString describeDelivery(const Trace &trace, const SegmentLabeler &labels, qsizetype index, NumberStyle style)
{
    const Event &e = trace.at(index); // side = the sender
    const QString label = labels.label(index, style);
    const Side receiver = otherSide(e.side);
    switch (e.kind) {
    case EventKind::Drop:
        return tr("The wire loses %1. The %2's kernel does not know: it will send the segment again when its "
                  "retransmission timer runs out.")
            .arg(label, sideOf(e.side));
    case EventKind::Duplicate:
        return tr("The wire copies %1: the %2 will receive it twice.").arg(label, sideOf(receiver));
    default:
        break;
    }
    QString text = tr("%1 arrives at the %2's kernel").arg(label, sideOf(receiver));
    if (e.marks & EventMark::Reordered)
        text += tr(", ahead of an older segment still on the wire");
    if (e.marks & EventMark::Copy)
        text += tr(" (the wire's copy)");
    const quint8 f = e.flags;
    if ((f & TcpFlag::Syn) && !(f & TcpFlag::Ack))
        text += tr("; if a socket listens on the port, the kernel answers by itself with a SYN and an ACK");
    else if ((f & TcpFlag::Syn) && (f & TcpFlag::Ack))
        text += tr("; the connection is established on the %1 and a blocked connect() returns").arg(sideOf(receiver));
    else if (f & TcpFlag::Fin)
        text += tr("; the %1 program will read end of file (read() returns 0)").arg(sideOf(receiver));
    else if (f & TcpFlag::Rst)
        text += tr("; the connection is gone, and the %1's next call fails").arg(sideOf(receiver));
    return text + u'.';
}

QString describeCall(const Trace &trace, qsizetype index)
{
    const Event &e = trace.at(index);
    const CallRecord &r = trace.callRecord(e);
    const QString program = programOf(e.side);
    if (r.fn == u"connect")
        return tr("%1 calls connect(): its kernel sends a SYN, and connect() blocks until the second segment of "
                  "the handshake arrives.")
            .arg(program);
    if (r.fn == u"accept")
        return tr("%1 calls accept(): it blocks until a connection has completed its handshake (the third "
                  "segment has arrived).")
            .arg(program);
    if (r.fn == u"listen")
        return tr("%1 calls listen(): the socket becomes a listener, and from now on the kernel answers SYNs by "
                  "itself.")
            .arg(program);
    if (r.fn == u"read")
        return tr("%1 calls read(): it blocks until data or the peer's FIN arrives.").arg(program);
    if (r.fn == u"close")
        return tr("%1 calls close(): when this is the last reference, the kernel sends a FIN (or a RST with "
                  "unread data or SO_LINGER 0).")
            .arg(program);
    if (r.fn == u"shutdown")
        return tr("%1 calls shutdown(%2).").arg(program, r.args.value(QStringLiteral("how")).toString());
    return tr("%1 calls %2.").arg(program, callName(r));
}

QString describeReturn(const Trace &trace, qsizetype index)
{
    const Event &e = trace.at(index);
    const CallRecord &r = trace.callRecord(e);
    const QString call = callName(r);
    if (r.err)
        return tr("%1 fails: -1, errno %2.").arg(call, errnoText(r.err));
    if (r.fn == u"connect")
        return tr("connect() returns 0 on the %1: the SYN and ACK of the server arrived, the connection is "
                  "established.")
            .arg(sideOf(e.side));
    if (r.fn == u"accept")
        return tr("accept() returns descriptor %1: the third segment arrived and the connection left the "
                  "listener's queue.")
            .arg(r.result);
    if (r.fn == u"read" && r.hasResult && r.result == 0)
        return tr("read() returns 0 on the %1: end of file — the peer's FIN arrived.").arg(sideOf(e.side));
    if (r.fn == u"read")
        return tr("read() returns %1 byte(s) on the %2.").arg(r.result).arg(sideOf(e.side));
    if (r.hasResult)
        return tr("%1 returns %2 on the %3.").arg(call).arg(r.result).arg(sideOf(e.side));
    return tr("%1 returns on the %2.").arg(call, sideOf(e.side));
}

QString describeState(const Event &e)
{
    const QString kernel = kernelOf(e.side);
    const QString state = tcpStateName(e.state());
    switch (e.state()) {
    case TcpState::TimeWait:
        return tr("%1 enters TIME_WAIT: it keeps the connection for twice the maximum segment lifetime, to answer "
                  "a lost last ACK's retransmitted FIN.")
            .arg(kernel);
    case TcpState::CloseWait:
        return tr("%1 enters CLOSE_WAIT: the peer has closed; its program has not closed yet.").arg(kernel);
    case TcpState::Closed:
        return tr("The %1's socket has left the kernel's tables (CLOSED).").arg(sideOf(e.side));
    default:
        return tr("%1 is now in %2.").arg(kernel, state);
    }
}
}

namespace StepCaption {

QString describe(const Trace &trace, const SegmentLabeler &labels, qsizetype index, NumberStyle style)
{
    if (index < 0 || index >= trace.size())
        return {};
    const Event &e = trace.at(index);
    switch (e.kind) {
    case EventKind::Send:
        return describeSend(trace, labels, index, style);
    case EventKind::Deliver:
    case EventKind::Drop:
    case EventKind::Duplicate:
        return describeDelivery(trace, labels, index, style);
    case EventKind::Call:
        return describeCall(trace, index);
    case EventKind::Return:
        return describeReturn(trace, index);
    case EventKind::Signal:
        return tr("Qt emits %1() on the %2.").arg(trace.callRecord(e).fn, sideOf(e.side));
    case EventKind::State:
        return describeState(e);
    case EventKind::Timer:
        if (e.timer() == TimerKind::None)
            return tr("The %1's kernel stops its timer.").arg(sideOf(e.side));
        return tr("The %1's kernel runs a %2 timer: it fires in %3 ms.")
            .arg(sideOf(e.side), timerKindName(e.timer()))
            .arg(e.seq);
    }
    return {};
}

}
