// SPDX-License-Identifier: GPL-3.0-or-later
#include "tcpanalysis.h"

#include "trace/event.h"
#include "trace/tcpsegment.h"

#include <QHostAddress>

namespace {
bool gt(quint32 a, quint32 b)
{
    return qint32(b - a) < 0;
}
bool lt(quint32 a, quint32 b)
{
    return qint32(a - b) < 0;
}
bool le(quint32 a, quint32 b)
{
    return qint32(a - b) <= 0;
}

TcpEndpoint endpoint(const TcpSegment &s, bool source)
{
    TcpEndpoint e;
    e.port = source ? s.srcPort : s.dstPort;
    e.v4 = s.ipVersion == 4;
    if (e.v4) {
        const quint32 a = source ? s.srcAddr : s.dstAddr;
        e.address = {0,        0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, quint8(a >> 24), quint8(a >> 16), quint8(a >> 8),
                     quint8(a)};
    } else {
        e.address = source ? s.srcAddr6 : s.dstAddr6;
    }
    return e;
}
} // namespace

TcpEndpoint TcpEndpoint::source(const TcpSegment &s)
{
    return endpoint(s, true);
}
TcpEndpoint TcpEndpoint::destination(const TcpSegment &s)
{
    return endpoint(s, false);
}

QString TcpEndpoint::text() const
{
    if (v4) {
        const QHostAddress a((quint32(address[12]) << 24) | (quint32(address[13]) << 16) | (quint32(address[14]) << 8)
                             | address[15]);
        return a.toString() + u':' + QString::number(port);
    }
    Q_IPV6ADDR raw;
    std::copy(address.begin(), address.end(), raw.c);
    return u'[' + QHostAddress(raw).toString() + u"]:" + QString::number(port);
}

TcpStreamNumbering::Assignment TcpStreamNumbering::assign(const TcpSegment &s, bool quoted)
{
    const TcpEndpoint src = TcpEndpoint::source(s);
    const TcpEndpoint dst = TcpEndpoint::destination(s);
    const Key key = src < dst ? Key {src, dst} : Key {dst, src};
    Assignment a;
    // Most segments belong to the connection of the one before: no hash lookup for them.
    auto it = m_lastValid && m_lastKey == key ? m_last : m_streams.find(key);
    if (it == m_streams.end()) {
        it = m_streams.insert(key, Stream {m_next++, src, {}, {}});
        a.isNew = true;
    }
    m_last = it;
    m_lastKey = key;
    m_lastValid = true;
    a.direction = it->first == src ? 0 : 1;
    const int d = a.direction;
    const bool synOnly = (s.flags & (TcpFlag::Syn | TcpFlag::Ack)) == TcpFlag::Syn;
    if (synOnly && it->baseSet[size_t(d)] && it->base[size_t(d)] != s.seq) {
        // The ports were reused for a new connection: the new one starts its own stream, first
        // endpoint the SYN's sender.
        *it = Stream {m_next++, src, {}, {}};
        a.isNew = true;
        a.reusedPorts = true;
        a.direction = 0;
    }
    Stream &stream = *it;
    a.stream = stream.number;
    // The same SYN again (a retransmission), and a SYN-ACK with another sequence number than the
    // last (Wireshark 4.0 takes its number as the side's base, and marks it as on reused ports).
    if (synOnly && stream.baseSet[size_t(a.direction)] && stream.base[size_t(a.direction)] == s.seq)
        a.repeatedSyn = true;
    if ((s.flags & (TcpFlag::Syn | TcpFlag::Ack)) == (TcpFlag::Syn | TcpFlag::Ack)
        && stream.baseSet[size_t(a.direction)] && stream.base[size_t(a.direction)] != s.seq) {
        stream.base[size_t(a.direction)] = s.seq;
        a.reusedPorts = true;
    }
    if (quoted) return a;
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

void TcpSequenceAnalysis::repeatedSyn(int direction)
{
    // A SYN sent again may follow a RST whose sequence number was the ACK it answered (RFC 793
    // §3.4): Wireshark goes back to the highest sequence number seen without a hole (issue 17616).
    Flow &fwd = m_flows[size_t(direction)];
    fwd.nextSeq = fwd.maxSeqToBeAcked;
}

TcpSequenceAnalysis::Marks TcpSequenceAnalysis::analyse(const TcpSegment &s, int direction, qint64 now)
{
    Flow &fwd = m_flows[size_t(direction)];
    Flow &rev = m_flows[size_t(1 - direction)];
    const quint32 seq = s.seq;
    const quint32 ack = s.ack;
    const quint32 seglen = s.payloadLength;
    const quint8 flags = s.flags;
    const bool synFinRst = flags & (TcpFlag::Syn | TcpFlag::Fin | TcpFlag::Rst);
    // Wireshark analyses the raw window field; only "window full" scales it.
    const quint32 window = s.window;

    // Window scaling as the SYN and SYN-ACK negotiate it (packet-tcp.c's verify_tcp_window_scaling):
    // a SYN without the option means no scaling either way; a SYN-ACK with it answering a SYN
    // without it does not scale either. A shift above 14 is taken as 14 (RFC 7323 §2.3), as
    // Wireshark does: the option's byte may say up to 255.
    const auto negotiateScaling = [&] {
        if (!(flags & TcpFlag::Syn)) return;
        if (s.options.windowScale >= 0) fwd.windowScale = qMin(s.options.windowScale, 14);
        if (fwd.windowScale == -1) {
            fwd.windowScale = -2;
            rev.windowScale = -2;
        } else if ((flags & TcpFlag::Ack) && rev.windowScale == -2) {
            fwd.windowScale = -2;
        }
    };

    // The initial round-trip time (SYN to the first ACK after it) sets how soon after the highest
    // segment a lower one counts as out of order rather than retransmitted.
    if ((flags & (TcpFlag::Syn | TcpFlag::Ack)) == TcpFlag::Ack && m_firstRtt == 0 && m_lastSynTime >= 0)
        m_firstRtt = now - m_lastSynTime;
    if ((flags & (TcpFlag::Syn | TcpFlag::Ack)) == TcpFlag::Syn) m_lastSynTime = now;

    Marks out;
    quint16 &a = out.analysis;
    const auto finishedForward = [&] {
        // The ACK number moved: duplicate ACKs count from here again.
        if (ack != fwd.lastAck) fwd.dupAcks = 0;
    };

    if (seglen == 1 && seq == fwd.nextSeq && rev.window == 0) {
        // A zero-window probe: the next byte, while the peer's window is closed.
        a |= AnalysisMark::ZeroWindowProbe;
        finishedForward();
    } else {
        bool done = false;
        if (window == 0 && !synFinRst) out.marks |= EventMark::ZeroWindow;
        if (fwd.nextSeq && gt(seq, fwd.nextSeq) && !(flags & TcpFlag::Rst))
            a |= AnalysisMark::LostSegment; // past the next expected byte: something was not captured
        if (seglen <= 1 && seq == fwd.nextSeq - 1 && !synFinRst) a |= AnalysisMark::KeepAlive;
        const bool sameNumbers = seglen == 0 && seq == fwd.nextSeq && ack == fwd.lastAck && !synFinRst;
        if (sameNumbers && window && window != fwd.window) a |= AnalysisMark::WindowUpdate;
        // The peer's window is scaled unless no pure ACK has come from it since its SYN.
        if (seglen > 0 && rev.windowScale != -1 && !synFinRst
            && seq + seglen
                == rev.lastAck + (rev.window << (rev.windowFromSyn || rev.windowScale == -2 ? 0 : rev.windowScale)))
            a |= AnalysisMark::WindowFull;
        if (sameNumbers && window && window == fwd.window && (rev.lastFlags & AnalysisMark::KeepAlive)) {
            a |= AnalysisMark::KeepAliveAck;
            done = true;
        }
        if (!done && sameNumbers && window == 0 && window == fwd.window
            && (rev.lastFlags & AnalysisMark::ZeroWindowProbe)) {
            a |= AnalysisMark::ZeroWindowProbeAck;
            done = true;
        }
        if (!done && sameNumbers && window && window == fwd.window) {
            fwd.dupAcks = fwd.dupAcks == kAckedUnseen ? 1 : fwd.dupAcks + 1;
            out.marks |= EventMark::DuplicateAck;
        }
        finishedForward();
    }

    // An ACK beyond what the other direction has been seen sending: segments were not captured.
    // Said once for the same gap: the bound moves up to what was seen, or (when it is there
    // already) the other direction's duplicate-ACK count is set to "-1", and further ACKs say
    // nothing until that direction has sent a duplicate ACK of its own (Wireshark 4.0.17).
    if (rev.maxSeqToBeAcked && gt(ack, rev.maxSeqToBeAcked) && (flags & TcpFlag::Ack)) {
        if (lt(rev.maxSeqToBeAcked, rev.nextSeq)) {
            rev.maxSeqToBeAcked = rev.nextSeq;
            a |= AnalysisMark::AckedUnseen;
        } else {
            if (rev.dupAcks == 0) a |= AnalysisMark::AckedUnseen;
            rev.dupAcks = kAckedUnseen;
        }
    }

    // Retransmission, fast or spurious retransmission, or out of order: data (or a SYN or FIN)
    // that does not advance the sequence number. A keep-alive is none of them.
    if ((seglen > 0 || (flags & (TcpFlag::Syn | TcpFlag::Fin))) && !(a & AnalysisMark::KeepAlive)) {
        bool notAdvanced = fwd.nextSeq && lt(seq, fwd.nextSeq);
        if (seglen > 1 && fwd.nextSeq - 1 == seq) notAdvanced = false; // new data after a zero-window probe
        if (seglen > 0 && rev.lastAck && le(seq + seglen, rev.lastAck)) {
            out.marks |= EventMark::Retransmission; // already acknowledged
            a |= AnalysisMark::SpuriousRetransmission;
        } else if (notAdvanced && rev.dupAcks >= 2 && rev.lastAck == seq // (kAckedUnseen counts too: unsigned)
                   && quint64(now - rev.lastAckTime) < 20000000) {
            // Within 20 ms of the peer's duplicate ACKs (a time that went back counts as long ago,
            // as Wireshark's unsigned difference makes it).
            out.marks |= EventMark::Retransmission;
            a |= AnalysisMark::FastRetransmission;
        } else if (notAdvanced && quint64(now - fwd.nextSeqTime) < quint64(m_firstRtt ? m_firstRtt : 3000000)
                   && fwd.nextSeq != seq + seglen + ((flags & (TcpFlag::Syn | TcpFlag::Fin)) ? 1 : 0)) {
            out.marks |= EventMark::OutOfOrder;
        } else if (notAdvanced) {
            out.marks |= EventMark::Retransmission;
        }
    }

    const bool probe = a & AnalysisMark::ZeroWindowProbe;
    quint32 nextSeq = seq + seglen;
    if (flags & (TcpFlag::Syn | TcpFlag::Fin)) nextSeq += 1;
    if ((gt(nextSeq, fwd.nextSeq) || !fwd.nextSeq) && !probe) {
        fwd.nextSeq = nextSeq;
        fwd.nextSeqTime = now;
    }
    if ((seq == fwd.maxSeqToBeAcked || !fwd.maxSeqToBeAcked) && !probe) fwd.maxSeqToBeAcked = fwd.nextSeq;
    fwd.window = window;
    fwd.lastAck = ack;
    fwd.lastAckTime = now;
    fwd.lastFlags = a;
    // After the analysis, as Wireshark's dissector does it: the options of a SYN, and whether the
    // window this direction advertises is scaled (not while its SYN's is the last it sent).
    negotiateScaling();
    if (flags & TcpFlag::Syn)
        fwd.windowFromSyn = true;
    else if (flags & TcpFlag::Ack)
        fwd.windowFromSyn = false;
    return out;
}
