// SPDX-License-Identifier: GPL-3.0-or-later
#include "kernelprobe.h"

#include "lablock.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace {

// Linux's numbering (include/net/tcp_states.h).
TcpState fromLinux(quint8 s)
{
    switch (s) {
    case 1:
        return TcpState::Established;
    case 2:
        return TcpState::SynSent;
    case 3:
    case 12: // TCP_NEW_SYN_RECV: a request socket
        return TcpState::SynRcvd;
    case 4:
        return TcpState::FinWait1;
    case 5:
        return TcpState::FinWait2;
    case 6:
        return TcpState::TimeWait;
    case 8:
        return TcpState::CloseWait;
    case 9:
        return TcpState::LastAck;
    case 10:
        return TcpState::Listen;
    case 11:
        return TcpState::Closing;
    default:
        return TcpState::Closed;
    }
}

// inet_diag's idiag_timer (net/ipv4/inet_diag.c).
TimerKind timerFromLinux(quint8 t)
{
    switch (t) {
    case 1:
        return TimerKind::Retransmit;
    case 2:
        return TimerKind::Keepalive;
    case 3:
        return TimerKind::TimeWait;
    case 4:
        return TimerKind::ZeroWindowProbe;
    default:
        return TimerKind::None;
    }
}

// What struct tcp_info (an INET_DIAG_INFO attribute of `length` bytes) says of a connection. The
// struct only grows at its end: a field is there when the kernel's struct reaches past it.
void readTcpInfo(const void *data, size_t length, SocketQueues &q)
{
    tcp_info info {};
    std::memcpy(&info, data, std::min(length, sizeof info));
    const auto reaches = [length](size_t offset) { return length >= offset + sizeof(quint32); };
    if (reaches(offsetof(tcp_info, tcpi_snd_cwnd))) {
        q.cwnd = info.tcpi_snd_cwnd;
        q.has |= SocketQueues::Cwnd;
    }
    if (reaches(offsetof(tcp_info, tcpi_rto))) {
        q.rtoUs = info.tcpi_rto;
        q.has |= SocketQueues::Rto;
    }
    // Linux 5.4: tcpi_snd_wnd, the peer's window; 6.2: tcpi_rcv_wnd right after it, the one this
    // socket advertises (not in older headers, so read by its place).
    constexpr size_t sndWnd = offsetof(tcp_info, tcpi_snd_wnd);
    if (reaches(sndWnd)) {
        q.peerWindow = info.tcpi_snd_wnd;
        q.has |= SocketQueues::PeerWindow;
    }
    constexpr size_t rcvWnd = sndWnd + sizeof(quint32);
    if (reaches(rcvWnd)) {
        std::memcpy(&q.recvWindow, static_cast<const char *>(data) + rcvWnd, sizeof q.recvWindow);
        q.has |= SocketQueues::RecvWindow;
    }
}

// A listener's SYN queue: its request sockets (Linux's TCP_NEW_SYN_RECV, reported as SYN_RECV with
// no tcp_info), which share its local port.
void countSynQueues(std::vector<KernelSocket> &sockets)
{
    for (KernelSocket &l : sockets) {
        if (!l.queues.listener) continue;
        l.queues.synQueue = 0;
        for (const KernelSocket &s : sockets) {
            if (s.state == TcpState::SynRcvd && !s.hasQueues && s.localPort == l.localPort) ++l.queues.synQueue;
        }
    }
}

} // namespace

KernelProbe::KernelProbe(Trace *trace, LabLock *lock, QObject *parent)
    : QObject(parent)
    , m_trace(trace)
    , m_lock(lock)
{
    m_soon.setSingleShot(true);
    connect(&m_soon, &QTimer::timeout, this, &KernelProbe::pollWhenFree);
    m_timerPoll.setInterval(kTimerPollMs);
    connect(&m_timerPoll, &QTimer::timeout, this, &KernelProbe::pollWhenFree);
}

void KernelProbe::attach(UniqueFd clientDiag, UniqueFd serverDiag, int family)
{
    detach();
    const LabLock::Hold hold = m_lock->hold();
    m_family = family;
    m_diag[0] = std::move(clientDiag);
    m_diag[1] = std::move(serverDiag);
}

void KernelProbe::replaceDiag(Side side, UniqueFd diag)
{
    const LabLock::Hold hold = m_lock->hold();
    m_diag[int(side)] = std::move(diag);
}

void KernelProbe::detach()
{
    m_soon.stop();
    m_timerPoll.stop();
    const LabLock::Hold hold = m_lock->hold(); // the wire thread may be reading after a delivery
    for (int i = 0; i < 2; ++i) {
        m_diag[i].reset();
        m_ackEnds[i] = false;
        m_last[i].clear();
        m_timerPending[i] = false;
    }
}

void KernelProbe::requestPoll()
{
    if (!m_diag[0].isValid() || m_soon.isActive()) return;
    // Polls are spaced by at least eight times what the last one cost, counted from its end, so a
    // bulk transfer (a poll request per segment batch) never spends most of its time in sock_diag.
    const qint64 gapMs = std::max<qint64>(kMinIntervalMs, (8 * m_lastPollNs + 999999) / 1000000);
    const qint64 since = m_sinceLastPoll.isValid() ? m_sinceLastPoll.elapsed() : gapMs;
    m_soon.start(int(std::max<qint64>(0, gapMs - since)));
}

bool KernelProbe::dump(int fd, int family, std::vector<KernelSocket> &out, int *err)
{
    struct {
        nlmsghdr nlh;
        inet_diag_req_v2 req;
    } request {};
    request.nlh.nlmsg_len = sizeof request;
    request.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    request.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    request.req.sdiag_family = quint8(family);
    request.req.sdiag_protocol = IPPROTO_TCP;
    // Every state, request and timewait sockets included, but not bit 13: since Linux 6.5 it
    // (TCPF_BOUND_INACTIVE) asks for sockets that are only bound, which have no TCP state yet. Such
    // a socket would be recorded as CLOSED at bind(), and again as CLOSED, gone from its bound-only
    // key, in the very read that finds it in SYN_SENT under its connection's key.
    request.req.idiag_states = ~(1u << 13);
    // struct tcp_info with each full socket: its windows, cwnd and RTO for the socket inspector.
    request.req.idiag_ext = 1 << (INET_DIAG_INFO - 1);
    if (::send(fd, &request, sizeof request, MSG_NOSIGNAL) < 0) {
        *err = errno;
        return false;
    }
    out.clear();
    alignas(nlmsghdr) char buffer[16384];
    for (;;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            *err = errno;
            return false;
        }
        int len = int(n);
        for (auto *h = reinterpret_cast<nlmsghdr *>(buffer); NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
            if (h->nlmsg_type == NLMSG_DONE) {
                countSynQueues(out);
                return true;
            }
            if (h->nlmsg_type == NLMSG_ERROR) {
                const auto *e = static_cast<const nlmsgerr *>(NLMSG_DATA(h));
                *err = -e->error;
                return false;
            }
            if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY) continue;
            const auto *m = static_cast<const inet_diag_msg *>(NLMSG_DATA(h));
            KernelSocket s;
            s.localPort = ntohs(m->id.idiag_sport);
            s.remotePort = ntohs(m->id.idiag_dport);
            // Words 1 to 3 are zero for IPv4: its key stays the address itself.
            s.remoteAddr = ntohl(m->id.idiag_dst[0]) ^ ntohl(m->id.idiag_dst[1]) ^ ntohl(m->id.idiag_dst[2])
                ^ ntohl(m->id.idiag_dst[3]);
            s.state = fromLinux(m->idiag_state);
            s.timer = timerFromLinux(m->idiag_timer);
            s.expiresMs = m->idiag_expires;
            s.retransmits = m->idiag_retrans;
            std::memcpy(&s.cookie, m->id.idiag_cookie, sizeof s.cookie);
            // Only a full socket has tcp_info (a request or a timewait socket has no attributes).
            int attrLength = int(h->nlmsg_len) - int(NLMSG_LENGTH(sizeof *m));
            for (auto *a = reinterpret_cast<const rtattr *>(reinterpret_cast<const char *>(m) + NLMSG_ALIGN(sizeof *m));
                 RTA_OK(a, attrLength); a = RTA_NEXT(a, attrLength)) {
                if (a->rta_type != INET_DIAG_INFO) continue;
                s.hasQueues = true;
                // For a listener inet_diag gives its accept queue and listen()'s backlog in the two
                // queue fields; for a connection the bytes not yet read and not yet acknowledged.
                if (s.state == TcpState::Listen) {
                    s.queues.listener = true;
                    s.queues.acceptQueue = m->idiag_rqueue;
                    s.queues.backlog = m->idiag_wqueue;
                } else {
                    s.queues.recvQueue = m->idiag_rqueue;
                    s.queues.sendQueue = m->idiag_wqueue;
                    readTcpInfo(RTA_DATA(a), RTA_PAYLOAD(a), s.queues);
                }
            }
            out.push_back(s);
        }
    }
}

void KernelProbe::pollNow()
{
    const LabLock::Hold hold = m_lock->hold();
    if (!m_diag[0].isValid()) return;
    QElapsedTimer cost;
    cost.start();
    bool changed = false;
    std::vector<KernelSocket> now;
    for (int i = 0; i < 2; ++i)
        changed = (dumpSide(i, now) && recordSide(i, now, m_trace->now())) || changed;
    updateTimerPoll();
    m_lastPollNs = cost.nsecsElapsed();
    m_sinceLastPoll.start();
    if (changed) emit statesChanged();
}

void KernelProbe::pollWhenFree()
{
    // The wire thread holds the lab lock for each segment it forwards. Should it be preempted while
    // it does (a busy machine), waiting here would stall the window for a time slice of the
    // scheduler's: a coalesced poll is as good a millisecond later.
    if (const std::optional<LabLock::Hold> hold = m_lock->tryHold())
        pollNow();
    else if (!m_soon.isActive())
        m_soon.start(kMinIntervalMs);
}

void KernelProbe::readNow(Side side)
{
    const LabLock::Hold hold = m_lock->hold();
    if (!m_diag[0].isValid()) return;
    std::vector<KernelSocket> now;
    const bool changed = dumpSide(int(side), now) && recordSide(int(side), now, m_trace->now());
    updateTimerPoll();
    if (changed) emit statesChanged();
}

bool KernelProbe::readAfterDelivery(Side receiver, quint8 tcpFlags, std::vector<KernelSocket> &out, bool always)
{
    if (!m_diag[0].isValid()) return false;
    // A dump costs tens of microseconds, about what the wire spends on a segment, so reading after
    // every delivered segment would halve a bulk transfer. Only some segments can change a state
    // at once: one carrying SYN, FIN or RST, or any segment (a pure ACK, or data that acknowledges)
    // reaching a socket in a state that an acknowledgment ends — SYN_RCVD (→ ESTABLISHED),
    // FIN_WAIT_1 (→ FIN_WAIT_2), CLOSING (→ TIME_WAIT) and LAST_ACK (→ CLOSED). In ESTABLISHED,
    // SYN_SENT, FIN_WAIT_2, CLOSE_WAIT, TIME_WAIT and LISTEN only SYN, FIN or RST moves the
    // socket, so the segments of a bulk transfer cost no dump. Which states the receiver is in is
    // what the last dump of it found, whoever made it: every dump is under the lab lock, so that is
    // the kernel's state right before this segment. Timer changes such a segment brings (a
    // retransmission timer stopped by an ACK) are left to the coalesced poll.
    const bool read =
        always || (tcpFlags & (TcpFlag::Syn | TcpFlag::Fin | TcpFlag::Rst)) != 0 || m_ackEnds[int(receiver)];
    return read && dumpSide(int(receiver), out);
}

void KernelProbe::recordReading(Side side, const std::vector<KernelSocket> &sockets, qint64 tNs)
{
    const bool changed = recordSide(int(side), sockets, tNs);
    updateTimerPoll();
    if (changed) emit statesChanged();
}

bool KernelProbe::dumpSide(int i, std::vector<KernelSocket> &out)
{
    int err = 0;
    if (!dump(m_diag[i].get(), m_family, out, &err))
        return false; // a failed read changes nothing; the next read tries again
    bool ackEnds = false;
    for (const KernelSocket &s : out) {
        ackEnds = ackEnds || s.state == TcpState::SynRcvd || s.state == TcpState::FinWait1
            || s.state == TcpState::Closing || s.state == TcpState::LastAck;
    }
    m_ackEnds[i] = ackEnds;
    return true;
}

bool KernelProbe::recordSide(int i, const std::vector<KernelSocket> &now, qint64 t)
{
    const Side side = Side(i);
    // t is when the states were read: stamped on every event this read appends. Reads are recorded in
    // the order they were made (each under the lab lock, the wire's handed over in order), at times
    // that never go backwards.
    bool changed = false;
    bool timerPending = false;
    QHash<Key, KernelSocket> seen;
    seen.reserve(qsizetype(now.size()));
    for (const KernelSocket &s : now) {
        const Key key {s.localPort, s.remoteAddr, s.remotePort};
        // A listener and a half-open request socket can share a key only in odd cases
        // (simultaneous open); the first reported wins, the dump lists full sockets first.
        if (seen.contains(key)) continue;
        seen.insert(key, s);
        timerPending = timerPending || s.timer != TimerKind::None;
        const auto it = m_last[i].constFind(key);
        const bool isNew = it == m_last[i].constEnd();
        if (isNew || it->state != s.state) {
            m_trace->appendState(t, side, s.localPort, s.remotePort, s.state);
            changed = true;
        }
        const TimerKind before = isNew ? TimerKind::None : it->timer;
        const quint32 retransBefore = isNew ? 0 : it->retransmits;
        if (s.timer != before || (s.timer != TimerKind::None && s.retransmits != retransBefore)) {
            m_trace->appendTimer(t, side, s.localPort, s.remotePort, s.timer, s.expiresMs, s.retransmits);
            changed = true;
        }
        // Only when a value changed: a quiet connection costs nothing, and a transfer one event per
        // socket a poll. Not a change of state (statesChanged): nothing waits on a queue.
        if (s.hasQueues && (isNew || !it->hasQueues || it->queues != s.queues))
            m_trace->appendQueues(t, side, s.localPort, s.remotePort, s.queues);
    }
    for (auto it = m_last[i].constBegin(); it != m_last[i].constEnd(); ++it) {
        if (seen.contains(it.key())) continue;
        if (it->timer != TimerKind::None)
            m_trace->appendTimer(t, side, it->localPort, it->remotePort, TimerKind::None, 0, it->retransmits);
        m_trace->appendState(t, side, it->localPort, it->remotePort, TcpState::Closed);
        changed = true;
    }
    m_last[i] = std::move(seen);
    m_timerPending[i] = timerPending;
    return changed;
}

void KernelProbe::updateTimerPoll()
{
    const bool pending = m_timerPending[0] || m_timerPending[1];
    if (pending && !m_timerPoll.isActive())
        m_timerPoll.start();
    else if (!pending)
        m_timerPoll.stop();
}

std::vector<KernelSocket> KernelProbe::sockets(Side side) const
{
    const auto &last = m_last[int(side)];
    return {last.cbegin(), last.cend()};
}

TcpState KernelProbe::state(Side side, quint16 localPort, quint16 remotePort) const
{
    for (const KernelSocket &s : m_last[int(side)]) {
        if (s.localPort == localPort && (remotePort == 0 ? s.remotePort == 0 : s.remotePort == remotePort))
            return s.state;
    }
    return TcpState::Closed;
}
