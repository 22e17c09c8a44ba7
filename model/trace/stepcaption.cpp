// SPDX-License-Identifier: GPL-3.0-or-later
#include "stepcaption.h"

#include "analysistext.h"
#include "errnoname.h"
#include "eventtext.h"
#include "socketcalls.h"
#include "tcpsegment.h"
#include "trace.h"

#include <QCoreApplication>
#include <cerrno>

// Named for lupdate: it takes the translation context of tr() below from it.
namespace StepCaption {
namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StepCaption", text);
}

QString sideOf(Side side)
{
    return side == Side::Client ? tr("client") : tr("server");
}
QString kernelOf(Side side)
{
    return side == Side::Client ? tr("The client's kernel") : tr("The server's kernel");
}
QString programOf(Side side)
{
    return side == Side::Client ? tr("The client program") : tr("The server program");
}

// "connect" for "connect", "QTcpSocket::connectToHost" stays as it is.
QString callName(const CallRecord &r)
{
    return r.fn + QStringLiteral("()");
}

// The call `side`'s program is blocked in just after event `index`, or -1.
qsizetype blockedCallAt(const Trace &trace, Side side, qsizetype index)
{
    // Calls of one BSD program don't overlap: the last call on that side without a return yet.
    for (qsizetype i = index; i >= 0; --i) {
        const Event &e = trace.at(i);
        if (e.side != side) continue;
        if (e.kind == EventKind::Return) return -1;
        if (e.kind == EventKind::Call) {
            // Walking back, a call met before any return of its side has not returned yet; only a call
            // that waits for the kernel is blocked in (SocketCall::blocks), Qt's return at once.
            const SocketCall *call = SocketCall::recorded(trace.callRecord(e).fn);
            return call && call->blocks ? i : -1;
        }
    }
    return -1;
}

QString stillBlocked(const Trace &trace, Side side, qsizetype index, const QString &until)
{
    const qsizetype call = blockedCallAt(trace, side, index);
    if (call < 0) return {};
    return tr("; %1 is still blocked until %2").arg(callName(trace.callRecord(trace.at(call))), until);
}

bool sameSocket(const Event &a, const Event &b)
{
    return a.side == b.side && a.localPort == b.localPort && a.remotePort == b.remotePort;
}

// How far back the captions look for a socket's timer or state: a lab run records them within a
// few events of what they belong to, and a capture has none (so a look costs little there too).
constexpr qsizetype kLookBack = 4096;

// The last event of `kind` on the socket of `e` before `index`, or -1.
qsizetype lastOfSocket(const Trace &trace, const Event &e, EventKind kind, qsizetype index)
{
    for (qsizetype i = index - 1; i >= 0 && i >= index - kLookBack; --i) {
        const Event &x = trace.at(i);
        if (x.kind == kind && sameSocket(x, e)) return i;
    }
    return -1;
}

QString describeSend(const Trace &trace, const SegmentLabeler &labels, qsizetype index, NumberStyle style)
{
    const Event &e = trace.at(index);
    const QString label = labels.label(index, style);
    const QString kernel = kernelOf(e.side);
    const quint8 f = e.flags;
    // A captured segment that Wireshark's analysis marks: the mark is the story (a lab's kernels
    // show their own timers instead).
    if (trace.info().fromCapture()) {
        const QString analysed = AnalysisText::caption(e, kernel, label);
        if (!analysed.isEmpty()) return analysed;
    }
    if (e.marks & EventMark::Retransmission) {
        switch (StepCaption::resendCause(trace, index)) {
        case StepCaption::Resend::Rto:
            return tr("%1 sends %2 again: its retransmission timeout (RTO) ran out before the segment was "
                      "acknowledged, so it resends the oldest unacknowledged segment and backs off. Kernel timers "
                      "keep running while you think.")
                .arg(kernel, label);
        case StepCaption::Resend::TailLossProbe:
            return tr("%1 sends %2 again as a tail-loss probe: no ACK came for the last segment it sent, so well "
                      "before the RTO it resends that one, without backing off, to draw an ACK that shows what "
                      "was lost.")
                .arg(kernel, label);
        case StepCaption::Resend::Unknown:
            break;
        }
        return tr("%1 sends %2 again: its retransmission timer ran out before the segment was acknowledged. "
                  "Kernel timers keep running while you think.")
            .arg(kernel, label);
    }
    if (labels.isWindowProbe(index))
        return tr("%1 sends %2: the peer's receive window is 0, so it may send no data; when its persist timer "
                  "runs out it probes with a segment the peer must answer, to learn whether the window opened.")
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
        return QCoreApplication::translate("StepCaption", "%1 sends %2 — %n byte(s) of data the program wrote%3.",
                                           nullptr, int(e.length))
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
    if (e.marks & EventMark::Reordered) text += tr(", ahead of an older segment still on the wire");
    if (e.marks & EventMark::Copy) text += tr(" (the wire's copy)");
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
    if (r.fn == u"read") return tr("%1 calls read(): it blocks until data or the peer's FIN arrives.").arg(program);
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
    // The lab's Interrupt ends a blocked call as a signal would: nothing went wrong with the socket.
    if (r.err == EINTR)
        return tr("%1 was interrupted: it returns -1 EINTR, as after a signal; the %2 program can make other calls "
                  "again.")
            .arg(call, sideOf(e.side));
    if (r.err) return tr("%1 fails: -1, errno %2.").arg(call, errnoText(r.err));
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
    if (r.fn == u"read") return tr("read() returns %1 byte(s) on the %2.").arg(r.result).arg(sideOf(e.side));
    if (r.hasResult) return tr("%1 returns %2 on the %3.").arg(call).arg(r.result).arg(sideOf(e.side));
    return tr("%1 returns on the %2.").arg(call, sideOf(e.side));
}

QString describeTimer(const Trace &trace, qsizetype index)
{
    const Event &e = trace.at(index);
    const QString kernel = kernelOf(e.side);
    const QString ms = QString::number(e.seq);
    switch (e.timer()) {
    case TimerKind::None:
        return tr("The %1's kernel stops its timer.").arg(sideOf(e.side));
    case TimerKind::Retransmit: {
        if (e.ack == 0)
            return tr("%1 arms its retransmit timer, %2 ms left: if no ACK comes before it runs out, it resends the "
                      "oldest unacknowledged segment (an RTO). The same timer may fire earlier as a tail-loss "
                      "probe.")
                .arg(kernel, ms);
        QString text = QCoreApplication::translate(
                           "StepCaption", "%1 has resent %n time(s); it reports its retransmit timer at %2 ms now.",
                           nullptr, int(e.ack))
                           .arg(kernel, ms);
        // Students expect the timeout to double each time; say what this kernel did instead.
        const qsizetype before = lastOfSocket(trace, e, EventKind::Timer, index);
        if (before >= 0 && trace.at(before).timer() == TimerKind::Retransmit && trace.at(before).seq > 0) {
            const Event &b = trace.at(before);
            const qsizetype state = lastOfSocket(trace, e, EventKind::State, index);
            const bool syn = state >= 0
                && (trace.at(state).state() == TcpState::SynSent || trace.at(state).state() == TcpState::SynRcvd);
            if (e.seq * 2 <= b.seq * 3 && syn)
                text += u' '
                    + tr("It did not double: Linux 6.x resends a SYN after linear timeouts of 1 s "
                         "(net.ipv4.tcp_syn_linear_timeouts) before it starts backing off exponentially.");
            else if (e.seq * 2 <= b.seq * 3)
                text += u' ' + tr("It did not double.");
            else
                text += u' ' + tr("It grew from %1 ms: exponential backoff.").arg(b.seq);
        }
        return text;
    }
    case TimerKind::Keepalive:
        return tr("%1 runs its keepalive timer, %2 ms left: when the connection has been idle that long, it "
                  "sends a probe to check that the peer is still there.")
            .arg(kernel, ms);
    case TimerKind::ZeroWindowProbe:
        return tr("%1 runs its persist timer, %2 ms left: the peer's window is 0, and when the timer runs out the "
                  "kernel sends a window probe.")
            .arg(kernel, ms);
    case TimerKind::TimeWait:
        if (StepCaption::timerName(trace, index) == tr("FIN_WAIT_2 timeout"))
            return tr("%1 runs the FIN_WAIT_2 timeout (net.ipv4.tcp_fin_timeout), %2 ms left: the program has "
                      "closed, and if the peer's FIN does not come by then, the socket is dropped.")
                .arg(kernel, ms);
        return tr("%1 runs the TIME_WAIT timer, 2MSL (fixed at 60 s on Linux), %2 ms left: until then it "
                  "answers a repeated FIN with its ACK again.")
            .arg(kernel, ms);
    }
    return {};
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
} // namespace
} // namespace StepCaption

namespace StepCaption {

QString describe(const Trace &trace, const SegmentLabeler &labels, qsizetype index, NumberStyle style)
{
    if (index < 0 || index >= trace.size()) return {};
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
    case EventKind::Signal: {
        const CallRecord &r = trace.callRecord(e);
        if (EventText::isQtOwnCall(r)) {
            return tr("%1 calls %2() by itself: the %3's kernel hands it the connection as descriptor %4.")
                .arg(r.args.value(u"by").toString(), r.fn, sideOf(e.side))
                .arg(r.result);
        }
        if (EventText::isUnixSignal(r)) {
            return tr("The %1's kernel would raise %2 here, for a write to a connection the peer has reset; a "
                      "program that does not ignore it dies of it. The lab writes with MSG_NOSIGNAL, so it was not "
                      "raised, and write() failed with EPIPE instead.")
                .arg(sideOf(e.side), r.fn);
        }
        const QString inside = EventText::emittedInside(trace, r);
        if (!inside.isEmpty())
            return tr("Qt emits %1() on the %2 from inside %3, which returns at once all the same.")
                .arg(r.fn, sideOf(e.side), inside);
        return tr("Qt emits %1() on the %2.").arg(r.fn, sideOf(e.side));
    }
    case EventKind::State:
        return describeState(e);
    case EventKind::Timer:
        return describeTimer(trace, index);
    case EventKind::Queues:
        return {}; // the socket inspector shows them; a caption says what happened
    }
    return {};
}

QString timerName(const Trace &trace, qsizetype timerEvent)
{
    if (timerEvent < 0 || timerEvent >= trace.size() || trace.at(timerEvent).kind != EventKind::Timer) return {};
    const Event &e = trace.at(timerEvent);
    switch (e.timer()) {
    case TimerKind::None:
        return {};
    case TimerKind::Retransmit:
        return tr("retransmit timer");
    case TimerKind::Keepalive:
        return tr("keepalive");
    case TimerKind::ZeroWindowProbe:
        return tr("persist timer");
    case TimerKind::TimeWait: {
        // Linux keeps an orphaned FIN_WAIT_2 as a timewait socket too, with the same sock_diag timer,
        // but it runs tcp_fin_timeout, not 2MSL: tell them apart by the state reported before it.
        const qsizetype s = lastOfSocket(trace, e, EventKind::State, timerEvent);
        return s >= 0 && trace.at(s).state() == TcpState::FinWait2 ? tr("FIN_WAIT_2 timeout") : tr("TIME_WAIT 2MSL");
    }
    }
    return {};
}

Resend resendCause(const Trace &trace, qsizetype sendIndex)
{
    if (sendIndex < 0 || sendIndex >= trace.size()) return Resend::Unknown;
    const Event &e = trace.at(sendIndex);
    if (e.kind != EventKind::Send || !(e.marks & EventMark::Retransmission)) return Resend::Unknown;
    const auto end = [](const Event &s) {
        return s.seq + s.length + ((s.flags & TcpFlag::Syn) ? 1 : 0) + ((s.flags & TcpFlag::Fin) ? 1 : 0);
    };
    // Walking back: the retransmit timer last reported for the socket, the highest sequence number it
    // had sent (the tail), and the highest ACK of it the peer's segments delivered (the oldest
    // unacknowledged byte).
    qsizetype timer = -1;
    quint32 tail = end(e), una = 0;
    bool hasUna = false;
    for (qsizetype i = sendIndex - 1; i >= 0 && i >= sendIndex - kLookBack; --i) {
        const Event &x = trace.at(i);
        if (x.kind == EventKind::Timer && timer < 0 && sameSocket(x, e))
            timer = i;
        else if (x.kind == EventKind::Send && sameSocket(x, e) && qint32(end(x) - tail) > 0)
            tail = end(x);
        else if (x.kind == EventKind::Deliver && x.side != e.side && x.localPort == e.remotePort
                 && x.remotePort == e.localPort && (x.flags & TcpFlag::Ack) && (!hasUna || qint32(x.ack - una) > 0)) {
            una = x.ack;
            hasUna = true;
        }
    }
    if (timer < 0 || trace.at(timer).timer() != TimerKind::Retransmit) return Resend::Unknown;
    const Event &t = trace.at(timer);
    // sock_diag reports the time left when it was read; a jiffy or two of slack for the timer wheel.
    const bool due = e.tNs - t.tNs >= qint64(t.seq) * 1'000'000 - 5'000'000;
    const bool isTail = qint32(end(e) - tail) >= 0;
    const bool isOldest = (e.flags & TcpFlag::Syn) || !hasUna || qint32(e.seq - una) <= 0;
    if (isOldest && (due || (e.flags & TcpFlag::Syn))) return Resend::Rto;
    if (isTail && !due) return Resend::TailLossProbe;
    return Resend::Unknown;
}

} // namespace StepCaption
