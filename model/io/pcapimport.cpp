// SPDX-License-Identifier: GPL-3.0-or-later
#include "pcapimport.h"

#include "capturereader.h"
#include "captureskips.h"
#include "packetdecoder.h"
#include "tcpanalysis.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>
#include <array>

namespace {

// What a walk through a capture left behind besides its segments: frames left out, and where the
// file ends early when it is cut or damaged after some frames.
struct Walk {
    CaptureSkips skips;
    QString stopped; // the reader's message, when it stopped early
    quint64 framesBefore = 0; // frames read before it stopped
};

// Walks every TCP segment of a capture (a header quoted in an ICMP error included, for the
// numbering) with its tcp.stream number and direction. False with *error only when no frame could
// be read at all; a file damaged further on ends the walk early (Walk::stopped).
template<typename Fn>
bool forEachSegment(CaptureReader &reader, Walk &walk, QString *error, Fn &&fn)
{
    TcpStreamNumbering numbering;
    PacketDecoder decoder(walk.skips);
    PacketDecoder::Found found;
    bool stoppedEarly = false;
    QString readError;
    const bool read = reader.forEach(
        [&](const CaptureRecord &r) {
            if (decoder.decode(r, found) != PacketDecoder::Result::Tcp) return true;
            const TcpStreamNumbering::Assignment a = numbering.assign(found.segment, found.quoted);
            if (!fn(r, found, a)) {
                stoppedEarly = true;
                return false;
            }
            return true;
        },
        &readError);
    if (!stoppedEarly) decoder.finish();
    if (!read) {
        if (reader.framesRead() == 0) {
            *error = readError;
            return false;
        }
        walk.stopped = readError;
        walk.framesBefore = reader.framesRead();
    }
    return true;
}

// Where the file was cut or damaged, without the file's name the reader's message starts with.
QString stoppedAt(const QString &path, const Walk &walk)
{
    QString where = walk.stopped;
    if (where.startsWith(path + QStringLiteral(": "))) where.remove(0, path.size() + 2);
    return where;
}

// One line per thing worth telling about a walk (without the file's name: the caller knows it by
// the name the user gave).
QStringList notes(const QString &path, const Walk &walk)
{
    QStringList out = walk.skips.lines();
    if (!walk.stopped.isEmpty()) {
        out << stoppedAt(path, walk)
                + (walk.framesBefore == 1
                       ? QCoreApplication::translate(
                           "CaptureImport", "; the file is cut or damaged there: SynScope read the frame before it")
                       : QCoreApplication::translate(
                             "CaptureImport",
                             "; the file is cut or damaged there: SynScope read the %1 frames before it")
                             .arg(walk.framesBefore));
    }
    return out;
}

// Why a capture shows nothing: no TCP at all, or TCP that could not be read.
QString noConnection(const QString &path, const Walk &walk)
{
    QStringList why = walk.skips.lines();
    if (!walk.stopped.isEmpty()) why << stoppedAt(path, walk);
    if (why.isEmpty()) return QCoreApplication::translate("CaptureImport", "%1 holds no TCP connection").arg(path);
    return QCoreApplication::translate("CaptureImport", "%1 holds no TCP connection SynScope can show: %2")
        .arg(path, why.join(QStringLiteral("; ")));
}

struct StreamSides {
    TcpEndpoint byDirection[2];
    int clientDirection = 0;
    int clientEvidence = 0; // 0: first sender; 1: receiver of a SYN-ACK; 2: sender of a SYN
    quint64 lastRecord = 0;
};

bool scan(CaptureReader &reader, std::vector<Conversation> &out, std::vector<StreamSides> &sides, Walk &walk,
          QString *error)
{
    out.clear();
    sides.clear();
    const bool ok = forEachSegment(
        reader, walk, error,
        [&](const CaptureRecord &r, const PacketDecoder::Found &f, const TcpStreamNumbering::Assignment &a) {
            const TcpSegment &s = f.segment;
            if (a.isNew) {
                Conversation c;
                c.stream = a.stream;
                c.firstNs = r.timeNs;
                c.lastNs = r.timeNs;
                out.push_back(c);
                StreamSides side;
                side.byDirection[0] = TcpEndpoint::source(s);
                side.byDirection[1] = TcpEndpoint::destination(s);
                sides.push_back(side);
            }
            if (f.quoted) return true; // numbered, but no segment of the connection
            Conversation &c = out[size_t(a.stream)];
            StreamSides &side = sides[size_t(a.stream)];
            if (c.segments == 0) {
                c.firstNs = r.timeNs;
                c.lastNs = r.timeNs;
            }
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
    if (!ok) return false;
    for (size_t i = 0; i < out.size(); ++i) {
        out[i].client = sides[i].byDirection[sides[i].clientDirection].text();
        out[i].server = sides[i].byDirection[1 - sides[i].clientDirection].text();
    }
    if (out.empty() && (!walk.skips.isEmpty() || !walk.stopped.isEmpty())) {
        // Something might have been TCP: say what kept it from being shown.
        *error = noConnection(reader.path(), walk);
        return false;
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
    { }

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
            if (syn && !ack && m_state[sender] == TcpState::Closed) set(t, sender, TcpState::SynSent);
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
            if (m_state[receiver] != TcpState::Listen) set(t, receiver, TcpState::Closed);
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
        if (m_state[side] == state) return;
        m_state[side] = state;
        m_trace.appendState(t, side == 0 ? Side::Client : Side::Server, m_ports[size_t(side)],
                            m_ports[size_t(1 - side)], state, EventMark::Inferred);
    }

    Trace &m_trace;
    std::array<quint16, 2> m_ports;
    std::array<TcpState, 2> m_state {TcpState::Closed, TcpState::Closed};
    std::array<quint32, 2> m_finEnd {};
    std::array<bool, 2> m_finSent {};
    bool m_first = true;
};

} // namespace

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
    return QCoreApplication::translate("CaptureImport", "open");
}

struct CaptureFile::Scan {
    CaptureReader reader;
    std::vector<Conversation> list;
    std::vector<StreamSides> sides;
    Walk walk;
};

CaptureFile::CaptureFile() = default;
CaptureFile::~CaptureFile() = default;

bool CaptureFile::open(const QString &path, QString *error)
{
    auto listed = std::make_unique<Scan>();
    if (!listed->reader.open(path, error) || !scan(listed->reader, listed->list, listed->sides, listed->walk, error))
        return false;
    m_scan = std::move(listed);
    return true;
}

const std::vector<Conversation> &CaptureFile::conversations() const
{
    static const std::vector<Conversation> none;
    return m_scan ? m_scan->list : none;
}

bool CaptureFile::import(int stream, Trace &trace, QString *error)
{
    trace.clear();
    if (!m_scan) {
        *error = QCoreApplication::translate("CaptureImport", "no capture is open");
        return false;
    }
    CaptureReader &reader = m_scan->reader;
    const std::vector<Conversation> &list = m_scan->list;
    const QString &path = reader.path();
    if (list.empty()) {
        *error = noConnection(path, m_scan->walk);
        return false;
    }
    if (stream < 0) stream = 0;
    if (stream >= int(list.size())) {
        *error =
            QCoreApplication::translate("CaptureImport", "%1 has no TCP stream %2: its streams are numbered 0 to %3")
                .arg(path)
                .arg(stream)
                .arg(list.size() - 1);
        return false;
    }
    const Conversation &c = list[size_t(stream)];
    if (c.segments == 0) {
        *error = QCoreApplication::translate(
                     "CaptureImport",
                     "%1: TCP stream %2 is only quoted in ICMP error messages; the capture holds none of its segments")
                     .arg(path)
                     .arg(stream);
        return false;
    }
    const StreamSides &side = m_scan->sides[size_t(stream)];
    const TcpEndpoint &clientEnd = side.byDirection[side.clientDirection];
    const TcpEndpoint &serverEnd = side.byDirection[1 - side.clientDirection];

    TraceInfo info;
    info.source = QStringLiteral("capture");
    info.clientAddress = c.client;
    info.serverAddress = c.server;
    info.wallClockOrigin = QDateTime::fromMSecsSinceEpoch(c.firstNs / 1000000, QTimeZone::utc());
    info.importNotes = notes(path, m_scan->walk);
    trace.setInfo(info);
    trace.setPacketRegion(reader.mapping(), reader.bytes());

    TcpSequenceAnalysis analysis;
    StateInference states(trace, {clientEnd.port, serverEnd.port});
    qint64 lastT = 0;
    Walk again; // the same frames again: the first walk's notes stand
    const bool ok = forEachSegment(
        reader, again, error,
        [&](const CaptureRecord &r, const PacketDecoder::Found &f, const TcpStreamNumbering::Assignment &a) {
            if (a.stream != stream) return r.number < side.lastRecord;
            if (a.repeatedSyn) analysis.repeatedSyn(a.direction);
            if (f.quoted) return r.number < side.lastRecord;
            const int sender = a.direction == side.clientDirection ? 0 : 1;
            const TcpSequenceAnalysis::Marks marks = analysis.analyse(f.segment, a.direction, r.timeNs);
            const quint16 analysed = marks.analysis | (a.reusedPorts ? AnalysisMark::ReusedPorts : 0);
            // Merged captures may step back in time; the trace's clock may not.
            lastT = qMax(lastT, r.timeNs - c.firstNs);
            const Side from = sender == 0 ? Side::Client : Side::Server;
            if (f.fileOffset >= 0)
                trace.appendCapturedSend(lastT, from, f.fileOffset, f.ipBytes, f.segment, marks.marks, analysed);
            else // reassembled from fragments: the trace keeps its own copy
                trace.appendSend(lastT, from, QByteArrayView(f.ip, f.ipBytes), f.segment, marks.marks, analysed);
            states.segment(lastT, sender, f.segment);
            return r.number < side.lastRecord;
        });
    if (!ok) {
        trace.clear();
        return false;
    }
    return true;
}

namespace CaptureImport {

bool isCapture(const QString &path)
{
    return CaptureReader::looksLikeCapture(path);
}

bool conversations(const QString &path, std::vector<Conversation> &out, QString *error)
{
    CaptureFile file;
    if (!file.open(path, error)) return false;
    out = file.conversations();
    return true;
}

bool open(const QString &path, int stream, Trace &trace, QString *error)
{
    trace.clear();
    CaptureFile file;
    return file.open(path, error) && file.import(stream, trace, error);
}

} // namespace CaptureImport
