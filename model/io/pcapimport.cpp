// SPDX-License-Identifier: GPL-3.0-or-later
#include "pcapimport.h"

#include "capturereader.h"
#include "linklayer.h"
#include "tcpanalysis.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>
#include <array>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("CaptureImport", text); }

enum class FrameKind { Tcp, Other, Bad };

// A TCP segment in a frame: where its IP packet is in the file and how many of its bytes are there.
struct Located {
    TcpSegment segment;
    qsizetype ipOffset = 0; // in the file
    qsizetype ipBytes = 0; // captured bytes of the IP packet, without link-layer padding
};

FrameKind locate(const QString &path, const CaptureRecord &r, Located &out, QString *error)
{
    const bool cut = r.capturedLength < r.originalLength;
    const auto snapCut = [&](const QString &header) {
        *error = tr("%1: record %2 at byte %3: the capture kept only %4 of the frame's %5 bytes (its snap length), "
                    "which cuts the %6 header")
                     .arg(path)
                     .arg(r.number)
                     .arg(r.blockOffset)
                     .arg(r.capturedLength)
                     .arg(r.originalLength)
                     .arg(header);
        return FrameKind::Bad;
    };
    qsizetype ip = 0;
    switch (LinkLayer::locateIp(r.linkType, r.data, r.capturedLength, ip)) {
    case LinkLayer::Frame::NotIp:
        return FrameKind::Other;
    case LinkLayer::Frame::Truncated:
        // A frame too short for its own link header was damaged before it was captured: nothing
        // to show, as Wireshark shows nothing of it beyond "malformed".
        return cut ? snapCut(LinkLayer::name(r.linkType)) : FrameKind::Other;
    case LinkLayer::Frame::Ip:
        break;
    }
    const uchar *packet = r.data + ip;
    const qsizetype available = r.capturedLength - ip;
    const ParseStatus status = parseIpTcp(packet, available, out.segment, Completeness::HeadersOnly);
    if (status == ParseStatus::Truncated && cut)
        return snapCut(available >= 1 && (packet[0] >> 4) == 6 ? tr("IPv6 or TCP") : tr("IPv4 or TCP"));
    if (status != ParseStatus::Ok)
        return FrameKind::Other; // not TCP, a fragment, or a malformed packet: not part of a connection
    out.ipOffset = r.dataOffset + ip;
    out.ipBytes = qMin<qsizetype>(available, out.segment.ipLength);
    return FrameKind::Tcp;
}

// Walks every TCP segment of a capture with its tcp.stream number and direction.
template <typename Fn> bool forEachSegment(CaptureReader &reader, const QString &path, QString *error, Fn &&fn)
{
    TcpStreamNumbering numbering;
    Located located;
    bool bad = false;
    QString readError;
    const bool read = reader.forEach(
        [&](const CaptureRecord &r) {
            const FrameKind kind = locate(path, r, located, &readError);
            if (kind == FrameKind::Bad) {
                bad = true;
                return false;
            }
            if (kind == FrameKind::Other)
                return true;
            const TcpStreamNumbering::Assignment a = numbering.assign(located.segment);
            return fn(r, located, a);
        },
        &readError);
    if (!read || bad) {
        *error = readError;
        return false;
    }
    return true;
}

struct StreamSides {
    TcpEndpoint byDirection[2];
    int clientDirection = 0;
    int clientEvidence = 0; // 0: first sender; 1: receiver of a SYN-ACK; 2: sender of a SYN
    quint64 lastRecord = 0;
};

bool scan(CaptureReader &reader, const QString &path, std::vector<Conversation> &out, std::vector<StreamSides> &sides,
    QString *error)
{
    out.clear();
    sides.clear();
    const bool ok = forEachSegment(
        reader, path, error, [&](const CaptureRecord &r, const Located &l, const TcpStreamNumbering::Assignment &a) {
            const TcpSegment &s = l.segment;
            if (a.isNew) {
                Conversation c;
                c.stream = a.stream;
                c.firstNs = r.timeNs;
                out.push_back(c);
                StreamSides side;
                side.byDirection[0] = TcpEndpoint::source(s);
                side.byDirection[1] = TcpEndpoint::destination(s);
                sides.push_back(side);
            }
            Conversation &c = out[size_t(a.stream)];
            StreamSides &side = sides[size_t(a.stream)];
            ++c.segments;
            c.bytes += s.payloadLength;
            c.firstNs = qMin(c.firstNs, r.timeNs);
            c.lastNs = qMax(c.lastNs, r.timeNs);
            side.lastRecord = r.number;
            const quint8 synAck = s.flags & (TcpFlag::Syn | TcpFlag::Ack);
            if (synAck == TcpFlag::Syn) {
                c.sawSyn = true;
                if (side.clientEvidence < 2) {
                    side.clientDirection = a.direction;
                    side.clientEvidence = 2;
                }
            } else if (synAck == (TcpFlag::Syn | TcpFlag::Ack) && side.clientEvidence < 1) {
                side.clientDirection = 1 - a.direction;
                side.clientEvidence = 1;
            }
            if (s.flags & TcpFlag::Rst)
                c.end = Conversation::End::Rst;
            else if ((s.flags & TcpFlag::Fin) && c.end == Conversation::End::Open)
                c.end = Conversation::End::Fin;
            return true;
        });
    if (!ok)
        return false;
    for (size_t i = 0; i < out.size(); ++i) {
        out[i].client = sides[i].byDirection[sides[i].clientDirection].text();
        out[i].server = sides[i].byDirection[1 - sides[i].clientDirection].text();
    }
    return true;
}

// The states each end must have passed through, deduced from the segments seen at the capture
// point (RFC 9293 §3.3.2, Figure 5). A state changes when the segment that causes it is seen.
class StateInference {
public:
    StateInference(Trace &trace, std::array<quint16, 2> ports)
        : m_trace(trace)
        , m_ports(ports)
    {
    }

    void segment(qint64 t, int sender, const TcpSegment &s)
    {
        const int receiver = 1 - sender;
        const quint8 f = s.flags;
        const bool syn = f & TcpFlag::Syn;
        const bool ack = f & TcpFlag::Ack;
        if (m_first) {
            m_first = false;
            if (syn && !ack) {
                set(t, receiver, TcpState::Listen);
            } else if (syn && ack) {
                set(t, receiver, TcpState::SynSent);
                set(t, sender, TcpState::Listen);
            } else {
                // Joined in the middle: both ends were already connected.
                set(t, sender, TcpState::Established);
                set(t, receiver, TcpState::Established);
            }
        }

        // The sender.
        if (f & TcpFlag::Rst) {
            set(t, sender, TcpState::Closed);
        } else {
            if (syn && !ack && m_state[sender] == TcpState::Closed)
                set(t, sender, TcpState::SynSent);
            if (syn && ack
                && (m_state[sender] == TcpState::Listen || m_state[sender] == TcpState::SynSent
                    || m_state[sender] == TcpState::Closed))
                set(t, sender, TcpState::SynRcvd);
            if (f & TcpFlag::Fin) {
                m_finEnd[sender] = s.seq + s.sequenceLength();
                m_finSent[sender] = true;
                if (m_state[sender] == TcpState::Established || m_state[sender] == TcpState::SynRcvd)
                    set(t, sender, TcpState::FinWait1);
                else if (m_state[sender] == TcpState::CloseWait)
                    set(t, sender, TcpState::LastAck);
            }
        }

        // The receiver.
        if (f & TcpFlag::Rst) {
            if (m_state[receiver] != TcpState::Listen)
                set(t, receiver, TcpState::Closed);
            return;
        }
        if (syn && ack && m_state[receiver] == TcpState::SynSent)
            set(t, receiver, TcpState::Established);
        else if (!syn && ack && m_state[receiver] == TcpState::SynRcvd)
            set(t, receiver, TcpState::Established);
        if (ack && m_finSent[receiver] && qint32(s.ack - m_finEnd[receiver]) >= 0) {
            if (m_state[receiver] == TcpState::FinWait1)
                set(t, receiver, TcpState::FinWait2);
            else if (m_state[receiver] == TcpState::Closing)
                set(t, receiver, TcpState::TimeWait);
            else if (m_state[receiver] == TcpState::LastAck)
                set(t, receiver, TcpState::Closed);
        }
        if (f & TcpFlag::Fin) {
            switch (m_state[receiver]) {
            case TcpState::Established:
            case TcpState::SynRcvd:
                set(t, receiver, TcpState::CloseWait);
                break;
            case TcpState::FinWait1:
                set(t, receiver, TcpState::Closing);
                break;
            case TcpState::FinWait2:
                set(t, receiver, TcpState::TimeWait);
                break;
            default:
                break;
            }
        }
    }

private:
    void set(qint64 t, int side, TcpState state)
    {
        if (m_state[side] == state)
            return;
        m_state[side] = state;
        m_trace.appendState(t, side == 0 ? Side::Client : Side::Server, m_ports[size_t(side)],
            m_ports[size_t(1 - side)], state, EventMark::Inferred);
    }

    Trace &m_trace;
    std::array<quint16, 2> m_ports;
    std::array<TcpState, 2> m_state { TcpState::Closed, TcpState::Closed };
    std::array<quint32, 2> m_finEnd {};
    std::array<bool, 2> m_finSent {};
    bool m_first = true;
};

}

QString conversationEndName(Conversation::End end)
{
    switch (end) {
    case Conversation::End::Fin:
        return QStringLiteral("FIN");
    case Conversation::End::Rst:
        return QStringLiteral("RST");
    case Conversation::End::Open:
        break;
    }
    return tr("open");
}

namespace CaptureImport {

bool isCapture(const QString &path) { return CaptureReader::looksLikeCapture(path); }

bool conversations(const QString &path, std::vector<Conversation> &out, QString *error)
{
    CaptureReader reader;
    std::vector<StreamSides> sides;
    return reader.open(path, error) && scan(reader, path, out, sides, error);
}

bool open(const QString &path, int stream, Trace &trace, QString *error)
{
    trace.clear();
    CaptureReader reader;
    std::vector<Conversation> list;
    std::vector<StreamSides> sides;
    if (!reader.open(path, error) || !scan(reader, path, list, sides, error))
        return false;
    if (list.empty()) {
        *error = tr("%1 holds no TCP connection").arg(path);
        return false;
    }
    if (stream < 0)
        stream = 0;
    if (stream >= int(list.size())) {
        *error = tr("%1 has no TCP stream %2: its streams are numbered 0 to %3")
                     .arg(path)
                     .arg(stream)
                     .arg(list.size() - 1);
        return false;
    }
    const Conversation &c = list[size_t(stream)];
    const StreamSides &side = sides[size_t(stream)];
    const TcpEndpoint &clientEnd = side.byDirection[side.clientDirection];
    const TcpEndpoint &serverEnd = side.byDirection[1 - side.clientDirection];

    TraceInfo info;
    info.source = QStringLiteral("capture");
    info.clientAddress = c.client;
    info.serverAddress = c.server;
    info.wallClockOrigin = QDateTime::fromMSecsSinceEpoch(c.firstNs / 1000000, QTimeZone::utc());
    trace.setInfo(info);
    trace.setPacketRegion(reader.mapping(), reader.bytes());

    TcpSequenceAnalysis analysis;
    StateInference states(trace, { clientEnd.port, serverEnd.port });
    qint64 lastT = 0;
    const bool ok = forEachSegment(
        reader, path, error, [&](const CaptureRecord &r, const Located &l, const TcpStreamNumbering::Assignment &a) {
            if (a.stream != stream)
                return r.number < side.lastRecord;
            const int sender = a.direction == side.clientDirection ? 0 : 1;
            const quint8 marks = analysis.analyse(l.segment, a.direction, r.timeNs);
            // Merged captures may step back in time; the trace's clock may not.
            lastT = qMax(lastT, r.timeNs - c.firstNs);
            trace.appendCapturedSend(
                lastT, sender == 0 ? Side::Client : Side::Server, l.ipOffset, l.ipBytes, l.segment, marks);
            states.segment(lastT, sender, l.segment);
            return r.number < side.lastRecord;
        });
    if (!ok) {
        trace.clear();
        return false;
    }
    return true;
}

}
