// SPDX-License-Identifier: GPL-3.0-or-later
#include "tcpanalysis.h"

#include "trace/event.h"
#include "trace/tcpsegment.h"

#include <QHostAddress>

namespace {
bool gt(quint32 a, quint32 b) { return qint32(b - a) < 0; }
bool lt(quint32 a, quint32 b) { return qint32(a - b) < 0; }
bool le(quint32 a, quint32 b) { return qint32(a - b) <= 0; }

TcpEndpoint endpoint(const TcpSegment &s, bool source)
{
    TcpEndpoint e;
    e.port = source ? s.srcPort : s.dstPort;
    e.v4 = s.ipVersion == 4;
    if (e.v4) {
        const quint32 a = source ? s.srcAddr : s.dstAddr;
        e.address
            = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, quint8(a >> 24), quint8(a >> 16), quint8(a >> 8), quint8(a) };
    } else {
        e.address = source ? s.srcAddr6 : s.dstAddr6;
    }
    return e;
}
}

TcpEndpoint TcpEndpoint::source(const TcpSegment &s) { return endpoint(s, true); }
TcpEndpoint TcpEndpoint::destination(const TcpSegment &s) { return endpoint(s, false); }

QString TcpEndpoint::text() const
{
    if (v4) {
        const QHostAddress a(
            (quint32(address[12]) << 24) | (quint32(address[13]) << 16) | (quint32(address[14]) << 8) | address[15]);
        return a.toString() + u':' + QString::number(port);
    }
    Q_IPV6ADDR raw;
    std::copy(address.begin(), address.end(), raw.c);
    return u'[' + QHostAddress(raw).toString() + u"]:" + QString::number(port);
}

TcpStreamNumbering::Assignment TcpStreamNumbering::assign(const TcpSegment &s)
{
    const TcpEndpoint src = TcpEndpoint::source(s);
    const TcpEndpoint dst = TcpEndpoint::destination(s);
    const Key key = src < dst ? Key { src, dst } : Key { dst, src };
    Assignment a;
    auto it = m_streams.find(key);
    if (it == m_streams.end()) {
        it = m_streams.insert(key, Stream { m_next++, src, {}, {} });
        a.isNew = true;
    }
    a.direction = it->first == src ? 0 : 1;
    const int d = a.direction;
    const bool synOnly = (s.flags & (TcpFlag::Syn | TcpFlag::Ack)) == TcpFlag::Syn;
    if (synOnly && it->baseSet[size_t(d)] && it->base[size_t(d)] != s.seq) {
        // The ports were reused for a new connection: the new one starts its own stream, first
        // endpoint the SYN's sender.
        *it = Stream { m_next++, src, {}, {} };
        a.isNew = true;
        a.direction = 0;
    }
    Stream &stream = *it;
    const size_t fwd = size_t(a.direction);
    const size_t rev = 1 - fwd;
    if (!stream.baseSet[fwd]) {
        stream.base[fwd] = (s.flags & TcpFlag::Syn) ? s.seq : s.seq - 1;
        stream.baseSet[fwd] = true;
    }
    if (!stream.baseSet[rev] && (s.flags & TcpFlag::Ack)) {
        stream.base[rev] = s.ack - 1;
        stream.baseSet[rev] = true;
    }
    a.stream = stream.number;
    return a;
}

quint8 TcpSequenceAnalysis::analyse(const TcpSegment &s, int direction, qint64 now)
{
    Flow &fwd = m_flows[size_t(direction)];
    Flow &rev = m_flows[size_t(1 - direction)];
    const quint32 seq = s.seq;
    const quint32 ack = s.ack;
    const quint32 seglen = s.payloadLength;
    const quint8 flags = s.flags;
    const bool synFinRst = flags & (TcpFlag::Syn | TcpFlag::Fin | TcpFlag::Rst);

    // Window scaling as negotiated on the SYN and SYN-ACK; windows of SYNs are never scaled.
    if (flags & TcpFlag::Syn) {
        fwd.windowScale = s.options.windowScale >= 0 ? s.options.windowScale : -2;
        if ((flags & TcpFlag::Ack) && (fwd.windowScale == -2 || rev.windowScale == -2)) {
            fwd.windowScale = -2;
            rev.windowScale = -2;
        }
    }
    quint32 window = s.window;
    if (!(flags & TcpFlag::Syn) && fwd.windowScale >= 0)
        window <<= fwd.windowScale;

    // The initial round-trip time (SYN to the first ACK after it) sets how soon after the highest
    // segment a lower one counts as out of order rather than retransmitted.
    if ((flags & (TcpFlag::Syn | TcpFlag::Ack)) == TcpFlag::Ack && m_firstRtt == 0 && m_lastSynTime >= 0)
        m_firstRtt = now - m_lastSynTime;
    if ((flags & (TcpFlag::Syn | TcpFlag::Ack)) == TcpFlag::Syn)
        m_lastSynTime = now;

    quint32 found = 0; // this segment's flags for the next one's keep-alive / probe ACK checks
    quint8 marks = 0;
    bool keepAlive = false;
    bool zeroWindowProbe = false;
    if (seglen == 1 && seq == fwd.nextSeq && rev.window == 0) {
        zeroWindowProbe = true;
        found |= ZeroWindowProbe;
    } else {
        if (window == 0 && !synFinRst)
            marks |= EventMark::ZeroWindow;
        if (seglen <= 1 && seq == fwd.nextSeq - 1 && !synFinRst) {
            keepAlive = true;
            found |= KeepAlive;
        }
        const bool repeatsLast
            = seglen == 0 && window == fwd.window && seq == fwd.nextSeq && ack == fwd.lastAck && !synFinRst;
        const bool keepAliveAck = repeatsLast && window != 0 && (rev.lastFlags & KeepAlive);
        const bool probeAck = repeatsLast && window == 0 && (rev.lastFlags & ZeroWindowProbe);
        if (!keepAliveAck && !probeAck && repeatsLast && window != 0) {
            fwd.dupAcks = fwd.dupAcks == -1 ? 1 : fwd.dupAcks + 1;
            marks |= EventMark::DuplicateAck;
        }
    }
    if (ack != fwd.lastAck)
        fwd.dupAcks = 0;

    // An ACK beyond what the other direction has been seen sending: segments were not captured.
    if (rev.maxSeqToBeAcked && gt(ack, rev.maxSeqToBeAcked) && (flags & TcpFlag::Ack)) {
        if (rev.maxSeqToBeAcked > rev.nextSeq)
            rev.maxSeqToBeAcked = rev.nextSeq;
        else
            rev.dupAcks = -1;
    }

    if ((seglen > 0 || (flags & (TcpFlag::Syn | TcpFlag::Fin))) && !keepAlive) {
        bool notAdvanced = fwd.nextSeq && lt(seq, fwd.nextSeq);
        if (seglen > 1 && fwd.nextSeq - 1 == seq)
            notAdvanced = false; // new data after a zero-window probe
        if (seglen > 0 && rev.lastAck && le(seq + seglen, rev.lastAck)) {
            marks |= EventMark::Retransmission; // spurious: already acknowledged
        } else if (notAdvanced && rev.dupAcks >= 2 && rev.lastAck == seq && now - rev.lastAckTime < 20000000) {
            marks |= EventMark::Retransmission; // fast retransmission after duplicate ACKs
        } else if (notAdvanced && now - fwd.nextSeqTime < (m_firstRtt ? m_firstRtt : 3000000)
            && fwd.nextSeq != seq + seglen + ((flags & (TcpFlag::Syn | TcpFlag::Fin)) ? 1 : 0)) {
            marks |= EventMark::OutOfOrder;
        } else if (notAdvanced) {
            marks |= EventMark::Retransmission;
        }
    }

    quint32 nextSeq = seq + seglen;
    if (flags & (TcpFlag::Syn | TcpFlag::Fin))
        nextSeq += 1;
    if ((gt(nextSeq, fwd.nextSeq) || !fwd.nextSeq) && !zeroWindowProbe) {
        fwd.nextSeq = nextSeq;
        fwd.nextSeqTime = now;
    }
    if ((seq == fwd.maxSeqToBeAcked || !fwd.maxSeqToBeAcked) && !zeroWindowProbe)
        fwd.maxSeqToBeAcked = fwd.nextSeq;
    fwd.window = window;
    fwd.lastAck = ack;
    fwd.lastAckTime = now;
    fwd.lastFlags = found;
    return marks;
}
