// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentlabels.h"

#include "tcpsegment.h"
#include "trace.h"

#include <QStringList>

QString numberStyleName(NumberStyle style)
{
    switch (style) {
    case NumberStyle::Symbolic:
        return QStringLiteral("symbolic");
    case NumberStyle::Relative:
        return QStringLiteral("relative");
    case NumberStyle::Absolute:
        return QStringLiteral("absolute");
    }
    return {};
}

bool numberStyleFromName(const QString &name, NumberStyle &style)
{
    for (NumberStyle s : {NumberStyle::Symbolic, NumberStyle::Relative, NumberStyle::Absolute}) {
        if (name.compare(numberStyleName(s), Qt::CaseInsensitive) == 0) {
            style = s;
            return true;
        }
    }
    return false;
}

namespace {
int sideIndex(Side s)
{
    return s == Side::Client ? 0 : 1;
}

// Signed distance between two sequence numbers (RFC 9293 §3.4: arithmetic modulo 2^32).
qint32 seqDiff(quint32 a, quint32 b)
{
    return qint32(a - b);
}

QString lettered(char letter, int ordinal, qint32 offset)
{
    QString s {QLatin1Char(letter)};
    for (int i = 0; i < ordinal; ++i)
        s += QChar(0x2032); // ′ (prime) for a later connection
    if (offset > 0)
        s += u'+' + QString::number(offset);
    else if (offset < 0)
        s += u'-' + QString::number(-qint64(offset));
    return s;
}
} // namespace

SegmentLabeler::SegmentLabeler(const Trace &trace)
    : m_trace(trace)
{ }

void SegmentLabeler::reset()
{
    m_scanned = 0;
    m_conns.clear();
    m_byPorts.clear();
    m_sendInfo.clear();
}

void SegmentLabeler::update()
{
    const qsizetype n = m_trace.size();
    if (n < m_scanned) // the trace was cleared behind our back
        reset();
    m_sendInfo.resize(size_t(n), 0);
    for (; m_scanned < n; ++m_scanned)
        scan(m_scanned);
}

void SegmentLabeler::scan(qsizetype index)
{
    const Event &e = m_trace.at(index);
    if (e.kind != EventKind::Send) return;
    const quint16 clientPort = e.side == Side::Client ? e.localPort : e.remotePort;
    const quint16 serverPort = e.side == Side::Client ? e.remotePort : e.localPort;
    const quint32 key = quint32(clientPort) << 16 | serverPort;
    const Side sender = e.side;
    const int s = sideIndex(sender);

    auto found = m_byPorts.constFind(key);
    int ci = found == m_byPorts.cend() ? -1 : found.value();
    const bool bareSyn = (e.flags & TcpFlag::Syn) && !(e.flags & TcpFlag::Ack);
    // A SYN with a new initial sequence number on ports already used starts a new connection
    // (the same numbers again are a retransmission of the old SYN).
    if (ci >= 0 && bareSyn && m_conns[size_t(ci)].space[s].isnEvent >= 0 && m_conns[size_t(ci)].space[s].isn != e.seq)
        ci = -1;
    if (ci < 0) {
        Connection c;
        c.clientPort = clientPort;
        c.serverPort = serverPort;
        c.ordinal = int(m_conns.size());
        m_conns.push_back(c);
        ci = int(m_conns.size()) - 1;
        m_byPorts.insert(key, ci);
    }
    Connection &c = m_conns[size_t(ci)];
    Space &mine = c.space[s];

    if ((e.flags & TcpFlag::Syn) && mine.isnEvent < 0) {
        // The window scale is in the SYN's options: read them from the packet the trace keeps.
        const QByteArrayView bytes = m_trace.packet(e);
        TcpSegment seg;
        if (!bytes.isEmpty()
            && parseIpTcp(reinterpret_cast<const uchar *>(bytes.data()), bytes.size(), seg, Completeness::HeadersOnly)
                == ParseStatus::Ok)
            mine.windowScale = qint8(qBound(-1, seg.options.windowScale, 14));
        mine.isn = e.seq;
        mine.isnEvent = index;
        mine.hasBase = true;
        // Letters belong to the sender's sequence space, never to the order segments reached the
        // wire: the client's are J and M, the server's K and N (a simultaneous open or close whose
        // segments cross keeps them).
        mine.isnLetter = sender == Side::Client ? 'J' : 'K';
    } else if (!mine.hasBase) {
        // No SYN seen from this side: count from just before the first number seen, as Wireshark does.
        mine.isn = e.seq - 1;
        mine.hasBase = true;
    }
    if (e.flags & TcpFlag::Ack) {
        Space &theirs = c.space[sideIndex(otherSide(sender))];
        if (!theirs.hasBase) {
            theirs.isn = e.ack - 1;
            theirs.hasBase = true;
        }
    }
    if ((e.flags & TcpFlag::Fin) && mine.finEvent < 0) {
        mine.fin = e.seq;
        mine.finEvent = index;
        mine.finLetter = sender == Side::Client ? 'M' : 'N';
    }

    quint32 info = quint32(ci);
    const Space &theirs = c.space[sideIndex(otherSide(sender))];
    // A probe repeats the byte before what the peer acknowledged, with no data and no other flag;
    // judged before this segment's own ACK updates anything.
    if (!(e.flags & (TcpFlag::Syn | TcpFlag::Fin | TcpFlag::Rst)) && (e.flags & TcpFlag::Ack) && e.length == 0
        && theirs.hasLastAck && e.seq == theirs.lastAck - 1)
        info |= theirs.windowClosed ? kWindowProbe : kKeepaliveProbe;
    // The window matters where it closes and where it opens again; a RST's window means nothing.
    if (!(e.flags & TcpFlag::Rst)) {
        if (e.window == 0) {
            if (mine.windowWasOpen && !(e.flags & TcpFlag::Syn)) {
                mine.windowClosed = true;
                info |= kShowWindow;
            }
        } else {
            if (mine.windowClosed) info |= kShowWindow;
            mine.windowClosed = false;
            mine.windowWasOpen = true;
        }
    }
    if (e.flags & TcpFlag::Ack) {
        if (!mine.hasLastAck || seqDiff(e.ack, mine.lastAck) > 0) {
            info |= kAckIsNew;
            mine.lastAck = e.ack;
            mine.hasLastAck = true;
        }
    }
    m_sendInfo[size_t(index)] = info;
}

int SegmentLabeler::connectionOf(qsizetype eventIndex) const
{
    if (eventIndex < 0 || eventIndex >= m_scanned || !m_trace.at(eventIndex).isSegment()) return -1;
    return int(m_sendInfo[size_t(m_trace.sendIndexOf(eventIndex))] & kConnectionMask);
}

QString SegmentLabeler::windowText(qsizetype eventIndex) const
{
    const int ci = connectionOf(eventIndex);
    if (ci < 0) return {};
    const Event &e = m_trace.at(m_trace.sendIndexOf(eventIndex));
    return QString::number(quint64(e.window) << qMax(0, windowShift(eventIndex)));
}

int SegmentLabeler::windowShift(qsizetype eventIndex) const
{
    const int ci = connectionOf(eventIndex);
    if (ci < 0) return -1;
    const qsizetype send = m_trace.sendIndexOf(eventIndex);
    const Event &e = m_trace.at(send);
    if (e.flags & TcpFlag::Syn) return 0;
    const Connection &c = m_conns[size_t(ci)];
    const Space &mine = c.space[sideIndex(e.side)];
    const Space &theirs = c.space[sideIndex(otherSide(e.side))];
    if (mine.isnEvent < 0 || theirs.isnEvent < 0 || mine.isnEvent > send || theirs.isnEvent > send) return -1;
    // Scaled only when both SYNs offered scaling (RFC 7323 §2.2).
    return mine.windowScale < 0 || theirs.windowScale < 0 ? 0 : mine.windowScale;
}

bool SegmentLabeler::isWindowProbe(qsizetype eventIndex) const
{
    if (connectionOf(eventIndex) < 0) return false;
    return m_sendInfo[size_t(m_trace.sendIndexOf(eventIndex))] & kWindowProbe;
}

QString SegmentLabeler::number(const Connection &c, Side side, quint32 value, qsizetype sendIndex,
                               NumberStyle style) const
{
    if (style == NumberStyle::Absolute) return QString::number(value);
    const Space &sp = c.space[sideIndex(side)];
    if (style == NumberStyle::Symbolic) {
        if (sp.finEvent >= 0 && sp.finEvent <= sendIndex && seqDiff(value, sp.fin) >= 0)
            return lettered(sp.finLetter, c.ordinal, seqDiff(value, sp.fin));
        if (sp.isnEvent >= 0 && sp.isnEvent <= sendIndex)
            return lettered(sp.isnLetter, c.ordinal, seqDiff(value, sp.isn));
    }
    return QString::number(seqDiff(value, sp.isn));
}

QString SegmentLabeler::seqText(qsizetype eventIndex, NumberStyle style) const
{
    const int ci = connectionOf(eventIndex);
    if (ci < 0) return {};
    const qsizetype send = m_trace.sendIndexOf(eventIndex);
    const Event &e = m_trace.at(send);
    return number(m_conns[size_t(ci)], e.side, e.seq, send, style);
}

QString SegmentLabeler::ackText(qsizetype eventIndex, NumberStyle style) const
{
    const int ci = connectionOf(eventIndex);
    if (ci < 0) return {};
    const qsizetype send = m_trace.sendIndexOf(eventIndex);
    const Event &e = m_trace.at(send);
    return number(m_conns[size_t(ci)], otherSide(e.side), e.ack, send, style);
}

QString SegmentLabeler::numberText(qsizetype eventIndex, Side space, quint32 value, NumberStyle style) const
{
    const int ci = connectionOf(eventIndex);
    if (ci < 0) return {};
    return number(m_conns[size_t(ci)], space, value, m_trace.sendIndexOf(eventIndex), style);
}

bool SegmentLabeler::hasLetter(qsizetype eventIndex, Side space, quint32 value) const
{
    const int ci = connectionOf(eventIndex);
    if (ci < 0) return false;
    const qsizetype send = m_trace.sendIndexOf(eventIndex);
    const Space &sp = m_conns[size_t(ci)].space[sideIndex(space)];
    // The same cases number() writes with a letter.
    return (sp.finEvent >= 0 && sp.finEvent <= send && seqDiff(value, sp.fin) >= 0)
        || (sp.isnEvent >= 0 && sp.isnEvent <= send);
}

QString SegmentLabeler::sackText(const Connection &c, const Event &e, qsizetype send, NumberStyle style) const
{
    const QByteArrayView bytes = m_trace.packet(e);
    TcpSegment seg;
    if (bytes.isEmpty()
        || parseIpTcp(reinterpret_cast<const uchar *>(bytes.data()), bytes.size(), seg, Completeness::HeadersOnly)
            != ParseStatus::Ok
        || seg.options.sackBlockCount == 0)
        return {};
    const TcpOptions &o = seg.options;
    // The blocks are in the receiver's sequence space: the numbers of the data they report.
    const Side space = otherSide(e.side);
    const auto block = [&](int i) -> QString {
        return number(c, space, o.sackBlocks[size_t(i)].first, send, style) + u':'
            + number(c, space, o.sackBlocks[size_t(i)].second, send, style);
    };
    // A first block below the cumulative ACK, or inside the second block, reports data that arrived
    // twice: a D-SACK (RFC 2883 §4), as Linux's tcp_check_dsack() tells it apart.
    const auto &first = o.sackBlocks[0];
    const bool dsack = ((e.flags & TcpFlag::Ack) && seqDiff(first.first, e.ack) < 0)
        || (o.sackBlockCount > 1 && seqDiff(first.second, o.sackBlocks[1].second) <= 0
            && seqDiff(first.first, o.sackBlocks[1].first) >= 0);
    // A block of the one sequence number of a SYN or a FIN reports that flag received twice, not
    // data: Linux D-SACKs the crossing SYN of a simultaneous open (RFC 9293's figure reads "ACK
    // K+1"). The labels keep to data; the details panel still lists every block.
    const Space &sp = c.space[sideIndex(space)];
    const auto control = [&](int i) {
        const auto &[start, end] = o.sackBlocks[size_t(i)];
        return end - start == 1
            && ((sp.isnEvent >= 0 && sp.isnEvent <= send && start == sp.isn)
                || (sp.finEvent >= 0 && sp.finEvent <= send && start == sp.fin));
    };
    QStringList parts;
    int i = 0;
    if (dsack && !control(i++)) parts << QStringLiteral("D-SACK ") + block(0);
    QStringList rest;
    for (; i < o.sackBlockCount; ++i) {
        if (!control(i)) rest << block(i);
    }
    if (!rest.isEmpty()) parts << QStringLiteral("SACK ") + rest.join(u' ');
    return parts.join(QStringLiteral(", "));
}

QString SegmentLabeler::label(qsizetype eventIndex, NumberStyle style, WindowShown window) const
{
    const int ci = connectionOf(eventIndex);
    if (ci < 0) return {};
    const qsizetype send = m_trace.sendIndexOf(eventIndex);
    const Event &e = m_trace.at(send);
    const Connection &c = m_conns[size_t(ci)];
    const bool hasAck = e.flags & TcpFlag::Ack;
    const quint32 info = m_sendInfo[size_t(send)];
    const bool ackIsNew = info & kAckIsNew;
    const auto seq = [&]() -> QString { return number(c, e.side, e.seq, send, style); };
    const auto ack = [&]() -> QString { return number(c, otherSide(e.side), e.ack, send, style); };
    const auto len = [&]() -> QString { return QStringLiteral("len ") + QString::number(e.length); };

    QStringList parts;
    if (e.flags & TcpFlag::Syn) {
        parts << QStringLiteral("SYN ") + seq();
        if (e.length) parts << len();
        if (hasAck) parts << QStringLiteral("ACK ") + ack();
    } else if (e.flags & TcpFlag::Rst) {
        // A RST answering a SYN carries sequence number 0: the textbook writes only its ACK.
        parts << ((e.seq == 0 && hasAck) ? QStringLiteral("RST") : QStringLiteral("RST ") + seq());
        if (hasAck) parts << QStringLiteral("ACK ") + ack();
    } else if (e.flags & TcpFlag::Fin) {
        parts << QStringLiteral("FIN ") + seq();
        if (e.length) parts << len();
        if (hasAck && ackIsNew) parts << QStringLiteral("ACK ") + ack();
    } else if (e.length) {
        parts << QStringLiteral("seq ") + seq() << len();
        if (hasAck && ackIsNew) parts << QStringLiteral("ACK ") + ack();
    } else if (info & kWindowProbe) {
        parts << QStringLiteral("window probe, seq ") + seq();
    } else if (info & kKeepaliveProbe) {
        parts << QStringLiteral("keepalive, seq ") + seq();
    } else if (hasAck) {
        parts << QStringLiteral("ACK ") + ack();
    } else {
        parts << QStringLiteral("seq ") + seq(); // no flags at all: only a scan or a broken stack sends this
    }
    // SACK blocks (RFC 2018) say which data past the ACK arrived; they are the story of a loss or a
    // reordering, so every segment that carries them shows them, with the ACK they extend.
    if (!(e.flags & TcpFlag::Rst)) {
        const QString blocks = sackText(c, e, send, style);
        if (!blocks.isEmpty()) {
            if (hasAck && !parts.constLast().startsWith(QStringLiteral("ACK ")))
                parts << QStringLiteral("ACK ") + ack();
            parts << blocks;
        }
    }
    if (e.flags & TcpFlag::Ece) parts << QStringLiteral("ECE");
    if (e.flags & TcpFlag::Cwr) parts << QStringLiteral("CWR");
    if (e.flags & TcpFlag::Urg) parts << QStringLiteral("URG");
    if (!(e.flags & TcpFlag::Rst) && ((info & kShowWindow) || window == WindowShown::Always))
        parts << QStringLiteral("win ") + windowText(send);
    return parts.join(QStringLiteral(", "));
}

QString SegmentLabeler::optionsText(qsizetype eventIndex) const
{
    if (eventIndex < 0 || eventIndex >= m_trace.size() || !m_trace.at(eventIndex).isSegment()) return {};
    const QByteArrayView bytes = m_trace.packet(m_trace.at(eventIndex));
    TcpSegment seg;
    if (bytes.isEmpty()
        || parseIpTcp(reinterpret_cast<const uchar *>(bytes.data()), bytes.size(), seg, Completeness::HeadersOnly)
            != ParseStatus::Ok)
        return {};
    // The textbook's words (Stevens writes <mss 1460>; tcpdump mss, wscale, sackOK, TS), in the order
    // a lecturer reads a SYN's: size, scale, then what it permits.
    const TcpOptions &o = seg.options;
    QStringList opts;
    if (o.mss >= 0) opts << QStringLiteral("mss ") + QString::number(o.mss);
    if (o.windowScale >= 0) opts << QStringLiteral("wscale ") + QString::number(o.windowScale);
    if (o.sackPermitted) opts << QStringLiteral("sackOK");
    if (o.hasTimestamps) opts << QStringLiteral("TS");
    for (int i = 0; i < o.sackBlockCount; ++i)
        opts << QStringLiteral("SACK %1-%2").arg(o.sackBlocks[size_t(i)].first).arg(o.sackBlocks[size_t(i)].second);
    return opts.join(QStringLiteral(", "));
}

QString SegmentLabeler::detail(qsizetype eventIndex) const
{
    if (eventIndex < 0 || eventIndex >= m_trace.size() || !m_trace.at(eventIndex).isSegment()) return {};
    const Event &e = m_trace.at(eventIndex);
    QStringList parts;
    parts << QStringLiteral("win ") + QString::number(e.window);
    const QByteArrayView bytes = m_trace.packet(e);
    TcpSegment seg;
    if (!bytes.isEmpty()
        && parseIpTcp(reinterpret_cast<const uchar *>(bytes.data()), bytes.size(), seg, Completeness::HeadersOnly)
            == ParseStatus::Ok) {
        if (const QString opts = optionsText(eventIndex); !opts.isEmpty()) parts << opts;
        if (seg.flags & TcpFlag::Psh) parts << QStringLiteral("PSH");
        const qsizetype start = seg.ipHeaderLength + seg.tcpHeaderLength;
        if (seg.payloadLength && start < bytes.size()) { // a capture's snap length may have cut the payload
            const QByteArrayView payload = bytes.sliced(start, qMin<qsizetype>(16, bytes.size() - start));
            QString preview;
            for (char ch : payload)
                preview += (ch >= 0x20 && ch < 0x7f) ? QChar(QLatin1Char(ch)) : QChar(u'·');
            parts << u'"' + preview + (seg.payloadLength > 16 ? QStringLiteral("…\"") : QStringLiteral("\""));
        }
    }
    return parts.join(QStringLiteral(" · "));
}
