// SPDX-License-Identifier: GPL-3.0-or-later
#include "guidedgoal.h"

#include "trace/errnoname.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <cerrno>

namespace {
constexpr int kPort = 9877; // the call panels' default port, Stevens' SERV_PORT

} // namespace

QList<GuidedGoal::Kind> GuidedGoal::kinds()
{
    return {Kind::Handshake, Kind::Close, Kind::Refused, Kind::Data};
}

QString GuidedGoal::title(Kind kind)
{
    switch (kind) {
    case Kind::Handshake:
        return tr("Open a connection: both sides ESTABLISHED");
    case Kind::Close:
        return tr("Close it (four-way close)");
    case Kind::Refused:
        return tr("Make connect() fail (connection refused)");
    case Kind::Data:
        return tr("Send data and see it acknowledged");
    }
    return {};
}

QString GuidedGoal::description(Kind kind)
{
    switch (kind) {
    case Kind::Handshake:
        return tr("The server listens, the client connects, and you carry the three segments of the handshake "
                  "across the wire.");
    case Kind::Close:
        return tr("Open a connection, then close it: the client closes first, the server reads end of file and "
                  "closes too — two FINs, two ACKs, and the client ends in TIME_WAIT.");
    case Kind::Refused:
        return tr("The client connects to a port where no program listens: the server's kernel answers with a "
                  "reset, and connect() fails with ECONNREFUSED.");
    case Kind::Data:
        return tr("Open a connection, write a few bytes on the client, carry them across, see the server's kernel "
                  "acknowledge them and the server program read them.");
    }
    return {};
}

GuidedGoal::GuidedGoal(Kind kind)
    : m_kind(kind)
{
    const auto handshake = [this] {
        addCall(Side::Server, QStringLiteral("socket"), When::Returned,
                tr("socket() asks the server's kernel for a new TCP socket and returns its descriptor. Nothing "
                   "goes on the wire."));
        addCall(Side::Server, QStringLiteral("bind"), When::Returned,
                tr("bind() gives the socket the server's address and port %1, where clients will connect. Still "
                   "nothing on the wire.")
                    .arg(kPort));
        addCall(Side::Server, QStringLiteral("listen"), When::Returned,
                tr("listen() makes the socket a listener (LISTEN): from now on the server's kernel answers SYNs "
                   "for port %1 by itself.")
                    .arg(kPort));
        addCall(Side::Server, QStringLiteral("accept"), When::Called,
                tr("accept() blocks: the server program waits until a connection has completed its handshake. "
                   "The kernel makes the handshake without it."));
        addCall(Side::Client, QStringLiteral("socket"), When::Returned,
                tr("The client asks its own kernel for a socket."));
        addCall(Side::Client, QStringLiteral("connect"), When::Called,
                tr("connect() sends a SYN and blocks: the segment waits on the wire until you deliver it."));
        addDeliver(Direction::ClientToServer, Seg::Syn,
                   tr("The SYN arrives at the server's kernel, which answers by itself with its own SYN and an ACK "
                      "(SYN_RCVD); accept() keeps waiting."));
        addDeliver(Direction::ServerToClient, Seg::SynAck,
                   tr("The SYN+ACK arrives: the client's kernel enters ESTABLISHED, connect() returns 0, and the "
                      "kernel sends the third segment, an ACK."));
        addDeliver(Direction::ClientToServer, Seg::Ack,
                   tr("The ACK arrives: the server's kernel enters ESTABLISHED, and accept() returns a new "
                      "descriptor for the connection."));
    };
    switch (kind) {
    case Kind::Handshake:
        handshake();
        break;
    case Kind::Close:
        handshake();
        addCall(Side::Client, QStringLiteral("close"), When::Returned,
                tr("close() returns at once; the client's kernel sends a FIN (FIN_WAIT_1): the client will send "
                   "no more data."));
        addDeliver(Direction::ClientToServer, Seg::Fin,
                   tr("The FIN arrives: the server's kernel acknowledges it at once and enters CLOSE_WAIT; its "
                      "program will read end of file."));
        addDeliver(Direction::ServerToClient, Seg::Ack,
                   tr("The ACK arrives: the client's kernel enters FIN_WAIT_2 and waits for the server's FIN."));
        addCall(Side::Server, QStringLiteral("read"), When::Returned,
                tr("read() returns 0 at once: end of file, the client has closed its side. (You may skip this.)"),
                true);
        addCall(Side::Server, QStringLiteral("close"), When::Returned,
                tr("close() on the accepted socket: the server's kernel sends its own FIN (LAST_ACK)."));
        addDeliver(Direction::ServerToClient, Seg::Fin,
                   tr("The FIN arrives: the client's kernel acknowledges it and enters TIME_WAIT, where it stays "
                      "for 2MSL (60 s on Linux)."));
        addDeliver(Direction::ClientToServer, Seg::Ack,
                   tr("The last ACK arrives: the server's kernel forgets the connection (CLOSED)."));
        break;
    case Kind::Refused:
        addCall(Side::Client, QStringLiteral("socket"), When::Returned,
                tr("socket() asks the client's kernel for a new TCP socket. No program on the server listens on "
                   "port %1.")
                    .arg(kPort));
        addCall(Side::Client, QStringLiteral("connect"), When::Called,
                tr("connect() sends a SYN to port %1 of the server and blocks: the segment waits on the wire "
                   "until you deliver it.")
                    .arg(kPort));
        addDeliver(Direction::ClientToServer, Seg::Syn,
                   tr("The SYN arrives: the server's kernel finds no socket listening on port %1 and answers with "
                      "a reset (RST).")
                       .arg(kPort));
        addDeliver(Direction::ServerToClient, Seg::Rst,
                   tr("The RST arrives: the client's kernel gives the connection up, and connect() returns -1 with "
                      "errno ECONNREFUSED."));
        break;
    case Kind::Data:
        handshake();
        addCall(Side::Client, QStringLiteral("write"), When::Returned,
                tr("write() copies the bytes into the client kernel's send buffer and returns at once; the kernel "
                   "sends them in a segment."));
        addDeliver(Direction::ClientToServer, Seg::Data,
                   tr("The data arrives: the server's kernel keeps the bytes for its program and acknowledges them "
                      "with an ACK."));
        addDeliver(Direction::ServerToClient, Seg::Ack,
                   tr("The ACK arrives: the client's kernel may forget the bytes now, the server has them."));
        addCall(Side::Server, QStringLiteral("read"), When::Returned,
                tr("read() hands the server program the bytes its kernel holds."));
        break;
    }
}

void GuidedGoal::addCall(Side side, const QString &call, When when, const QString &explanation, bool optional)
{
    Step s;
    s.text = side == Side::Client ? tr("Client: %1()").arg(call) : tr("Server: %1()").arg(call);
    s.explanation = explanation;
    s.target.kind = Target::Kind::Call;
    s.target.side = side;
    s.target.call = call;
    s.optional = optional;
    m_steps.push_back(s);
    m_rules.push_back({when});
}

void GuidedGoal::addDeliver(Direction direction, Seg seg, const QString &explanation)
{
    Step s;
    s.text = direction == Direction::ClientToServer ? tr("Wire: deliver the %1 to the server").arg(segName(seg))
                                                    : tr("Wire: deliver the %1 to the client").arg(segName(seg));
    s.explanation = explanation;
    s.target.kind = Target::Kind::Deliver;
    s.target.direction = direction;
    m_steps.push_back(s);
    // A segment is delivered after the step that made it is done.
    m_rules.push_back({When::Delivered, seg, int(m_steps.size()) - 2});
}

QString GuidedGoal::segName(Seg seg)
{
    // The flags are the protocol's names, in every language.
    switch (seg) {
    case Seg::Syn:
        return QStringLiteral("SYN");
    case Seg::SynAck:
        return QStringLiteral("SYN+ACK");
    case Seg::Ack:
        return QStringLiteral("ACK");
    case Seg::Fin:
        return QStringLiteral("FIN");
    case Seg::Rst:
        return QStringLiteral("RST");
    case Seg::Data:
        return tr("data");
    }
    return {};
}

GuidedGoal::Seg GuidedGoal::segOf(const Event &e)
{
    if (e.flags & TcpFlag::Rst) return Seg::Rst;
    if (e.flags & TcpFlag::Syn) return (e.flags & TcpFlag::Ack) ? Seg::SynAck : Seg::Syn;
    if (e.flags & TcpFlag::Fin) return Seg::Fin;
    return e.length > 0 ? Seg::Data : Seg::Ack;
}

void GuidedGoal::reset()
{
    for (Step &s : m_steps)
        s.status = Status::Pending;
    m_deviation.reset();
    m_read = 0;
    m_bound.clear();
    m_listening.clear();
    m_accepted.clear();
    m_state[0] = m_state[1] = TcpState::Closed;
    m_established[0] = m_established[1] = false;
    m_clientClosedEarly = false;
}

int GuidedGoal::nextStep() const
{
    int next = -1;
    for (int i = 0; i < int(m_steps.size()); ++i) {
        if (m_steps[size_t(i)].status != Status::Pending) continue;
        if (!m_steps[size_t(i)].optional) return next >= 0 ? next : i;
        if (next < 0) next = i;
    }
    return -1; // only optional steps left, if any: the goal is reached
}

QString GuidedGoal::completionText() const
{
    switch (m_kind) {
    case Kind::Handshake:
        return tr("Done: both sides are ESTABLISHED. Three segments opened the connection, and neither program "
                  "sent one itself: the kernels did.");
    case Kind::Close:
        return tr("Done: four segments closed the connection, a FIN and an ACK each way. The server's socket is "
                  "gone; the client's waits in TIME_WAIT for 2MSL, to answer a FIN sent again.");
    case Kind::Refused:
        return tr("Done: connect() failed with ECONNREFUSED. The RST told the client's kernel that no program "
                  "listens on port %1.")
            .arg(kPort);
    case Kind::Data:
        return tr("Done: the bytes crossed the wire, the server's kernel acknowledged them before its program read "
                  "them, and read() handed them over.");
    }
    return {};
}

bool GuidedGoal::deliversNext(const Event &send) const
{
    const int next = nextStep();
    if (next < 0 || send.kind != EventKind::Send) return false;
    const Step &s = m_steps[size_t(next)];
    return s.target.kind == Target::Kind::Deliver && s.target.direction == directionFrom(send.side)
        && m_rules[size_t(next)].seg == segOf(send);
}

int GuidedGoal::stepOf(const Target &target) const
{
    for (int i = 0; i < int(m_steps.size()); ++i) {
        if (m_steps[size_t(i)].target == target) return i;
    }
    return -1;
}

void GuidedGoal::deviate(const QString &text, bool recoverable, qsizetype event, bool replace)
{
    if (m_deviation && !m_deviation->recoverable && !replace) return;
    m_deviation = Deviation {text, recoverable, event};
}

void GuidedGoal::update(const Trace &trace)
{
    if (trace.size() < m_read) reset(); // a fresh lab
    for (; m_read < trace.size(); ++m_read)
        read(trace, m_read);
}

void GuidedGoal::read(const Trace &trace, qsizetype index)
{
    // Once reached, the goal stays reached: what the student does next is theirs.
    if (isComplete()) return;
    const Event &e = trace.at(index);
    switch (e.kind) {
    case EventKind::Call:
        readCall(trace, index);
        break;
    case EventKind::Return:
        readReturn(trace, index);
        break;
    case EventKind::Send:
    case EventKind::Deliver:
    case EventKind::Drop:
    case EventKind::Duplicate:
        readSegment(trace, index);
        break;
    case EventKind::State:
        if (e.remotePort != 0) { // a connection's, not the listener's
            m_state[int(e.side)] = e.state();
            if (e.state() == TcpState::Established) m_established[int(e.side)] = true;
        }
        break;
    case EventKind::Signal:
    case EventKind::Timer:
    case EventKind::Queues:
        break;
    }
    skipPassedOptional();
}

void GuidedGoal::skipPassedOptional()
{
    // An optional step left behind a later one that is done is no longer waited for.
    bool laterDone = false;
    for (auto it = m_steps.rbegin(); it != m_steps.rend(); ++it) {
        if (it->status == Status::Done) laterDone = true;
        if (it->optional && it->status == Status::Pending && laterDone) it->status = Status::Skipped;
    }
}

void GuidedGoal::readCall(const Trace &trace, qsizetype index)
{
    const Event &e = trace.at(index);
    const CallRecord &r = trace.callRecord(e);
    const int fd = r.args.value(QStringLiteral("fd")).toInt(-1);
    const Target target {Target::Kind::Call, e.side, r.fn};
    const int step = stepOf(target);
    if (step >= 0 && m_rules[size_t(step)].when == When::Called) m_steps[size_t(step)].status = Status::Done;

    const bool handshakeDone = m_established[0] && m_established[1];
    if (r.fn == u"close") {
        if (e.side == Side::Client && (m_state[0] == TcpState::SynSent || m_state[0] == TcpState::SynRcvd)) {
            m_clientClosedEarly = true;
            deviate(m_kind == Kind::Refused
                        ? tr("You closed the client's socket before the answer to its SYN arrived: the kernel "
                             "forgets the connection, so the RST finds no socket and connect() can no longer fail "
                             "with ECONNREFUSED.")
                        : tr("You closed the client's socket before the SYN+ACK arrived: the kernel forgets the "
                             "connection, and answers the SYN+ACK with RST when it arrives."),
                    false, index);
        } else if (e.side == Side::Server && m_listening.contains(fd)) {
            m_listening.removeAll(fd);
            if (needsConnection() && !handshakeDone)
                deviate(tr("You closed the server's listening socket before the handshake was complete: the kernel "
                           "drops the connections waiting in its queues, and the client's next segment is answered "
                           "with RST."),
                        false, index);
        } else if (needsConnection() && !handshakeDone) {
            deviate(tr("You closed the %1's socket before the handshake was complete: its kernel ends the connection "
                       "half-made, and the goal cannot be reached on it.")
                        .arg(sideText(e.side)),
                    false, index);
        } else if (m_kind == Kind::Close && e.side == Side::Server && m_accepted.contains(fd)
                   && m_state[int(Side::Server)] == TcpState::Established) {
            deviate(tr("You closed the server's side first: now the server makes the active close and will end in "
                       "TIME_WAIT, not the client. The checklist has the client close first: start again to follow "
                       "it, or go on by hand."),
                    false, index);
        } else if (m_kind == Kind::Data) {
            deviate(tr("You closed the %1's socket before the bytes were read: its kernel sends a FIN (a RST where "
                       "unread data is thrown away), and the goal cannot be reached on this connection.")
                        .arg(sideText(e.side)),
                    false, index);
        }
        if (e.side == Side::Server) m_accepted.removeAll(fd);
        return;
    }
    if (r.fn == u"connect" && needsConnection() && m_listening.isEmpty()) {
        deviate(tr("You called connect() before the server listens: if the SYN arrives before listen(), the "
                   "server's kernel answers it with RST and connect() fails. Call listen() on the server before you "
                   "deliver the SYN."),
                true, index);
        return;
    }
    if (r.fn == u"listen" && m_kind == Kind::Refused) {
        deviate(tr("The server calls listen(): if its socket listens on port %1 when the SYN arrives, the kernel "
                   "answers with SYN+ACK and connect() succeeds instead of failing. Close the listener before you "
                   "deliver the SYN, or start again.")
                    .arg(kPort),
                true, index);
        return;
    }
    if (step < 0)
        deviate(tr("%1() on the %2 is not a step of this goal; the checklist goes on from what the kernels do.")
                    .arg(r.fn, sideText(e.side)),
                true, index);
}

void GuidedGoal::readReturn(const Trace &trace, qsizetype index)
{
    const Event &e = trace.at(index);
    const CallRecord &r = trace.callRecord(e);
    const qsizetype callEvent = r.callEvent;
    const QJsonObject args = callEvent >= 0 && callEvent < trace.size() && trace.at(callEvent).kind == EventKind::Call
        ? trace.callRecord(trace.at(callEvent)).args
        : QJsonObject();
    const int fd = args.value(QStringLiteral("fd")).toInt(-1);
    const Target target {Target::Kind::Call, e.side, r.fn};
    const int step = stepOf(target);
    if (r.err) {
        // A step done by making the call is to be made again when the call failed, unless it set
        // something going that goes on without it: an interrupted connect() leaves the kernel's
        // handshake running. (A step done by a call's return was not done by this one: it stays.)
        const bool goesOn = r.fn == u"connect" && r.err == EINTR;
        if (step >= 0 && !goesOn && m_rules[size_t(step)].when == When::Called)
            m_steps[size_t(step)].status = Status::Pending;
        if (r.fn == u"connect" && r.err == ECONNREFUSED && m_kind == Kind::Refused) return; // the goal itself
        const QString call = r.fn + QStringLiteral("()");
        if (r.err == EINTR) {
            QString text = tr("%1 was interrupted: it returns -1 EINTR, as after a signal.").arg(call);
            if (r.fn == u"accept")
                text += u' ' + tr("The listener is as it was and its kernel still answers SYNs: call accept() again.");
            else if (r.fn == u"connect")
                text += u' '
                    + tr("The kernel goes on with the handshake all the same: the socket stays in SYN_SENT until "
                         "the answer arrives.");
            else if (r.fn == u"read")
                text += u' ' + tr("Nothing was read: call read() again.");
            deviate(text, true, index);
            return;
        }
        QString text = tr("%1 failed: -1, errno %2.").arg(call, errnoText(r.err));
        if (r.err == ECONNREFUSED)
            text = tr("connect() failed with ECONNREFUSED: the SYN arrived while no socket listened on port %1, so "
                      "the server's kernel answered with RST. Start again, and call listen() first.")
                       .arg(kPort);
        else if (r.err == EADDRINUSE)
            text += u' ' + tr("Another socket holds the port already (one in TIME_WAIT, or one bound before).");
        else if (r.err == EINVAL || r.err == EISCONN || r.err == EALREADY)
            text += u' ' + tr("The call does not fit what the socket is now: check the Socket box.");
        else if (r.err == ENOTCONN || r.err == EPIPE)
            text += u' ' + tr("The socket has no connection (not yet, or not any more).");
        deviate(text, r.err != ECONNREFUSED, index);
        return;
    }
    if (step >= 0 && m_rules[size_t(step)].when == When::Returned) m_steps[size_t(step)].status = Status::Done;
    if (e.side != Side::Server) return;
    if (r.fn == u"bind") {
        m_bound << fd;
    } else if (r.fn == u"listen") {
        m_listening << fd;
        if (!m_bound.contains(fd) && needsConnection())
            deviate(tr("listen() on a socket that was not bound: the kernel picked a free port at random, so "
                       "nothing listens on port %1 and a SYN to it gets RST. Start again, and bind() first.")
                        .arg(kPort),
                    false, index);
    } else if (r.fn == u"accept") {
        m_accepted << int(r.result);
    }
}

void GuidedGoal::readSegment(const Trace &trace, qsizetype index)
{
    const Event &e = trace.at(index);
    const Seg seg = segOf(e);
    const QString name = segName(seg);
    switch (e.kind) {
    case EventKind::Send:
        if (seg == Seg::Rst && !(m_kind == Kind::Refused && e.side == Side::Server)) {
            if (e.side == Side::Client && m_clientClosedEarly)
                deviate(tr("You closed the client's socket before the SYN+ACK arrived: the kernel answers it with "
                           "RST."),
                        false, index, true);
            else if (e.side == Side::Server && m_listening.isEmpty())
                deviate(tr("No socket listened on port %1 when the SYN arrived: the server's kernel answered it "
                           "with RST, and connect() fails with ECONNREFUSED once the RST arrives. Start again, and "
                           "call listen() before you deliver the SYN.")
                            .arg(kPort),
                        false, index);
            else
                deviate(tr("The %1's kernel sent a RST: it has no connection this segment belongs to (any more). "
                           "The connection is gone.")
                            .arg(sideText(e.side)),
                        false, index);
        } else if (seg == Seg::SynAck && m_kind == Kind::Refused) {
            deviate(tr("The server's kernel answered the SYN with SYN+ACK: a socket listens on port %1, so connect() "
                       "will succeed. Start again, and leave the server without listen().")
                        .arg(kPort),
                    false, index);
        }
        return;
    case EventKind::Drop:
        if (seg == Seg::Ack)
            deviate(tr("You dropped the ACK. Nothing resends a bare ACK: the peer, still waiting for it, sends its "
                       "own last segment again when its retransmission timer runs out, and that one is answered "
                       "with the ACK again. Deliver it then."),
                    true, index);
        else
            deviate(tr("You dropped the %1: the %2's kernel does not know. When its retransmission timer runs out "
                       "(about 1 s for a SYN) it sends the segment again: deliver that one.")
                        .arg(name, sideText(e.side)),
                    true, index);
        return;
    case EventKind::Duplicate:
        deviate(tr("The wire now holds two copies of the %1: the receiving kernel takes the first, and answers the "
                   "second as a duplicate (with an ACK) or ignores it.")
                    .arg(name),
                true, index);
        return;
    case EventKind::Deliver:
        break;
    default:
        return;
    }
    if (e.marks & EventMark::Reordered)
        deviate(tr("You delivered the %1 ahead of an older segment still on the wire: a kernel takes segments in "
                   "the order they arrive, and TCP puts data back in order by sequence number.")
                    .arg(name),
                true, index);
    // One delivery makes one step: the first pending one it fits.
    const Direction direction = directionFrom(e.side);
    for (size_t i = 0; i < m_steps.size(); ++i) {
        Step &s = m_steps[i];
        const Rule &rule = m_rules[i];
        if (s.status != Status::Pending || rule.when != When::Delivered || s.target.direction != direction
            || rule.seg != seg)
            continue;
        if (rule.after >= 0 && m_steps[size_t(rule.after)].status == Status::Pending) continue;
        s.status = Status::Done;
        break;
    }
}
