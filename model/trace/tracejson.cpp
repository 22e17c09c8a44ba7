// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracejson.h"

#include "errnoname.h"
#include "jsonreader.h"
#include "socketcalls.h"
#include "tcpsegment.h"
#include "trace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <array>
#include <limits>
#include <tuple>
#include <vector>

namespace {

const QLatin1StringView kFormat("synscope-trace");
const QLatin1StringView kClock("monotonic");
// An IPv4 packet is at most 65535 bytes, an IPv6 one 40 more; a jumbogram (or a TSO frame of Linux's
// BIG TCP) may be longer, and an imported trace keeps at most what the packet store indexes (128 KiB
// less a byte) of it.
constexpr qsizetype kMaxPacket = (qsizetype(1) << 17) - 1;

// ---- save ----------------------------------------------------------------------------------------------------------

QJsonValue u32(quint32 v)
{
    return QJsonValue(qint64(v));
}

void putSegment(QJsonObject &o, const Event &e)
{
    o.insert(u"flags", QJsonArray::fromStringList(tcpFlagNames(e.flags)));
    o.insert(u"seq", u32(e.seq));
    o.insert(u"ack", u32(e.ack));
    o.insert(u"len", u32(e.length));
    o.insert(u"win", e.window);
    o.insert(u"sport", e.localPort);
    o.insert(u"dport", e.remotePort);
    o.insert(u"retransmission", bool(e.marks & EventMark::Retransmission));
}

// Version 2: Wireshark's analysis of an imported segment, each only when set.
constexpr std::pair<quint8, QStringView> kAnalysisMarks[] {{EventMark::DuplicateAck, u"duplicate_ack"},
                                                           {EventMark::OutOfOrder, u"out_of_order"},
                                                           {EventMark::ZeroWindow, u"zero_window"}};
// Version 4: the rest of Wireshark's analysis marks, named as its tcp.analysis fields are.
constexpr std::pair<quint16, QStringView> kMoreAnalysisMarks[] {
    {AnalysisMark::FastRetransmission, u"fast_retransmission"},
    {AnalysisMark::SpuriousRetransmission, u"spurious_retransmission"},
    {AnalysisMark::KeepAlive, u"keep_alive"},
    {AnalysisMark::KeepAliveAck, u"keep_alive_ack"},
    {AnalysisMark::WindowUpdate, u"window_update"},
    {AnalysisMark::WindowFull, u"window_full"},
    {AnalysisMark::ZeroWindowProbe, u"zero_window_probe"},
    {AnalysisMark::ZeroWindowProbeAck, u"zero_window_probe_ack"},
    {AnalysisMark::LostSegment, u"lost_segment"},
    {AnalysisMark::AckedUnseen, u"ack_lost_segment"},
    {AnalysisMark::ReusedPorts, u"reused_ports"}};

// Readers of the file see the options without decoding the raw bytes; they are derived, so a
// loader ignores them and they can never disagree with the packet.
QJsonObject optionsOf(QByteArrayView packet)
{
    QJsonObject o;
    TcpSegment s;
    if (parseIpTcp(reinterpret_cast<const uchar *>(packet.data()), packet.size(), s, Completeness::HeadersOnly)
        != ParseStatus::Ok)
        return o;
    const TcpOptions &t = s.options;
    if (t.mss >= 0) o.insert(u"mss", t.mss);
    if (t.windowScale >= 0) o.insert(u"wscale", t.windowScale);
    if (t.sackPermitted) o.insert(u"sack_perm", true);
    if (t.hasTimestamps) {
        o.insert(u"ts_val", u32(t.tsVal));
        o.insert(u"ts_ecr", u32(t.tsEcr));
    }
    if (t.sackBlockCount > 0) {
        QJsonArray blocks;
        for (int i = 0; i < t.sackBlockCount; ++i) {
            const auto &[left, right] = t.sackBlocks[size_t(i)];
            blocks.append(QJsonArray {u32(left), u32(right)});
        }
        o.insert(u"sack", blocks);
    }
    return o;
}

QJsonObject eventToJson(const Trace &trace, qsizetype index)
{
    const Event &e = trace.at(index);
    QJsonObject o;
    o.insert(u"kind", eventKindName(e.kind));
    o.insert(u"side", sideName(e.side));
    o.insert(u"t_ns", e.tNs);
    switch (e.kind) {
    case EventKind::Call:
    case EventKind::Return:
    case EventKind::Signal: {
        const CallRecord &r = trace.callRecord(e);
        o.insert(u"fn", r.fn);
        o.insert(u"args", r.args);
        if (r.hasResult) o.insert(u"result", r.result);
        if (r.err != 0) o.insert(u"errno", errnoName(r.err));
        if (!r.detail.isEmpty()) o.insert(u"detail", r.detail);
        if (e.kind == EventKind::Return) o.insert(u"call", r.callEvent);
        break;
    }
    case EventKind::Send: {
        putSegment(o, e);
        const QByteArrayView packet = trace.packet(e);
        o.insert(u"raw", QString::fromLatin1(packet.toByteArray().toBase64()));
        const QJsonObject options = optionsOf(packet);
        if (!options.isEmpty()) o.insert(u"options", options);
        for (const auto &[bit, key] : kAnalysisMarks) {
            if (e.marks & bit) o.insert(key, true);
        }
        for (const auto &[bit, key] : kMoreAnalysisMarks) {
            if (e.analysis & bit) o.insert(key, true);
        }
        break;
    }
    case EventKind::Deliver:
    case EventKind::Drop:
    case EventKind::Duplicate:
        putSegment(o, e);
        o.insert(u"of", qint64(e.ref));
        if (e.marks & EventMark::Reordered) o.insert(u"reordered", true);
        if (e.marks & EventMark::Copy) o.insert(u"copy", true);
        break;
    case EventKind::State:
        o.insert(u"state", tcpStateName(e.state()));
        o.insert(u"sport", e.localPort);
        o.insert(u"dport", e.remotePort);
        if (e.marks & EventMark::Inferred) o.insert(u"inferred", true);
        break;
    case EventKind::Timer:
        o.insert(u"timer", timerKindName(e.timer()));
        o.insert(u"expires_ms", u32(e.seq));
        o.insert(u"retransmits", u32(e.ack));
        o.insert(u"sport", e.localPort);
        o.insert(u"dport", e.remotePort);
        break;
    case EventKind::Queues: {
        const SocketQueues &q = trace.queues(e);
        o.insert(u"sport", e.localPort);
        o.insert(u"dport", e.remotePort);
        if (q.listener) {
            o.insert(u"accept_queue", u32(q.acceptQueue));
            o.insert(u"backlog", u32(q.backlog));
            o.insert(u"syn_queue", u32(q.synQueue));
            break;
        }
        o.insert(u"send_queue", u32(q.sendQueue));
        o.insert(u"recv_queue", u32(q.recvQueue));
        if (q.has & SocketQueues::PeerWindow) o.insert(u"peer_window", u32(q.peerWindow));
        if (q.has & SocketQueues::RecvWindow) o.insert(u"recv_window", u32(q.recvWindow));
        if (q.has & SocketQueues::Cwnd) o.insert(u"cwnd", u32(q.cwnd));
        if (q.has & SocketQueues::Rto) o.insert(u"rto_us", u32(q.rtoUs));
        break;
    }
    }
    return o;
}

// ---- load ----------------------------------------------------------------------------------------------------------

// The errno names errnoName() writes, including its "errno 1234" for numbers without a name.
int errnoFromText(const QString &text)
{
    if (const int e = errnoFromName(text)) return e;
    const QLatin1StringView prefix("errno ");
    if (!text.startsWith(prefix)) return 0;
    bool ok = false;
    const int e = QStringView(text).mid(prefix.size()).toInt(&ok);
    return ok ? e : 0;
}

struct Loaded {
    TraceInfo info;
    std::vector<Event> events; // refs index `packets` (sends) or `records` (calls)
    std::vector<QByteArray> packets;
    std::vector<CallRecord> records;
    std::vector<SocketQueues> queues; // of the queues events, by their ref
    std::vector<TraceStep> steps;
};

class Loader : public JsonReader {
    Q_DECLARE_TR_FUNCTIONS(TraceJson)
public:
    Loader()
        : JsonReader(Missing::First)
    { }

    bool load(const QByteArray &json, Loaded &out);

private:
    static QString earlierEvent(qsizetype index, const QString &kind)
    {
        if (index == 0) return tr("the index of an earlier %1 event, but this is the first event").arg(kind);
        return tr("the index of an earlier %1 event (0 to %2)").arg(kind).arg(index - 1);
    }

    bool header(const QJsonObject &top, TraceInfo &info);
    bool endpoint(const QJsonObject &endpoints, QStringView which, QString &address);
    bool scenario(const QJsonValue &value, TraceInfo &info);
    bool steps(const QJsonValue &value, Loaded &out);
    bool settings(const QJsonValue &value, Loaded &out);
    bool event(const QJsonValue &value, qsizetype index, Loaded &out);
    bool call(const QJsonObject &o, const QString &path, qsizetype index, Event &e, Loaded &out);
    bool segment(const QJsonObject &o, const QString &path, Event &e);
    bool send(const QJsonObject &o, const QString &path, Event &e, Loaded &out);
    bool wireAction(const QJsonObject &o, const QString &path, qsizetype index, Event &e, const Loaded &out);
    bool state(const QJsonObject &o, const QString &path, Event &e);
    bool timer(const QJsonObject &o, const QString &path, Event &e);
    bool queues(const QJsonObject &o, const QString &path, Event &e, Loaded &out);

    qint64 m_lastT = 0;
    int m_version = TraceJson::kVersion;
    qint64 m_openQtCall[2] = {-1, -1}; // per side: the Qt call not returned yet (CallRecord::callEvent)
};

bool Loader::load(const QByteArray &json, Loaded &out)
{
    if (json.size() > TraceJson::kMaxFileBytes)
        return fail({}, tr("the trace is larger than 1 GiB, the limit for a trace file"));
    QJsonDocument doc;
    if (!parse(json, doc)) return false;
    if (!doc.isObject()) {
        return fail(tr("top level"),
                    tr("expected an object, got %1").arg(doc.isArray() ? tr("an array") : tr("a single value")));
    }
    const QJsonObject top = doc.object();
    if (!header(top, out.info)) return false;

    const QJsonValue events = top.value(u"events");
    if (!events.isArray()) return expected(QStringLiteral("events"), events, tr("an array"));
    const QJsonArray array = events.toArray();
    out.events.reserve(size_t(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!event(array.at(i), i, out)) return false;
    }
    // After the events: a step and a setting's change are checked against how many there are.
    if (m_version >= 3 && !steps(top.value(u"steps"), out)) return false;
    return !top.contains(u"settings") || settings(top.value(u"settings"), out);
}

bool Loader::header(const QJsonObject &top, TraceInfo &info)
{
    const QJsonValue format = top.value(u"format");
    if (format.toString() != kFormat) return expected(QStringLiteral("format"), format, u'"' + kFormat + u'"');
    // The version before anything else: a newer file may differ in every other field.
    qint64 version = 0;
    if (!toInt64(top.value(u"version"), version))
        return expected(QStringLiteral("version"), top.value(u"version"), tr("an integer"));
    if (version < 1 || version > TraceJson::kVersion) {
        return fail(
            QStringLiteral("version"),
            tr("unsupported version %1; this SynScope reads versions 1 to %2").arg(version).arg(TraceJson::kVersion));
    }
    m_version = int(version);
    if (!onlyKeys(top, {},
                  {u"format", u"version", u"source", u"kernel", u"anchor", u"clock", u"endpoints", u"events",
                   u"scenario", u"steps", u"settings"},
                  tr("a trace")))
        return false;
    // A change to the format comes with a new version: an older file cannot have what version 3 added.
    if (m_version < 3) {
        for (const QStringView key : {QStringView(u"scenario"), QStringView(u"steps")}) {
            if (top.contains(key))
                return fail(key.toString(), tr("unknown field for a trace in a version %1 file").arg(m_version));
        }
    }
    if (m_version < 5 && top.contains(u"settings"))
        return fail(QStringLiteral("settings"), tr("unknown field for a trace in a version %1 file").arg(m_version));

    if (!string(top, {}, u"source", info.source)) return false;
    if (!info.fromLab() && !info.fromCapture() && !info.isGenerated())
        return expected(QStringLiteral("source"), top.value(u"source"), tr("\"lab\", \"capture\" or \"generated\""));
    if (!string(top, {}, u"kernel", info.kernel)) return false;

    const QJsonValue anchor = top.value(u"anchor");
    if (anchor.isNull()) {
        info.wallClockOrigin = {};
    } else {
        // A time without an offset would be read as local time and change with the reader's zone.
        info.wallClockOrigin = QDateTime::fromString(anchor.toString(), Qt::ISODateWithMs);
        if (!info.wallClockOrigin.isValid() || info.wallClockOrigin.timeSpec() == Qt::LocalTime)
            return expected(QStringLiteral("anchor"), anchor,
                            tr("an ISO 8601 UTC date and time like \"2024-05-01T12:00:00.000Z\", or null"));
        info.wallClockOrigin = info.wallClockOrigin.toUTC();
    }

    const QJsonValue clock = top.value(u"clock");
    if (clock.toString() != kClock) return expected(QStringLiteral("clock"), clock, u'"' + kClock + u'"');

    QJsonObject endpoints;
    if (!object(top, {}, u"endpoints", endpoints)
        || !onlyKeys(endpoints, QStringLiteral("endpoints"), {u"client", u"server"}, tr("endpoints")))
        return false;
    if (!endpoint(endpoints, u"client", info.clientAddress) || !endpoint(endpoints, u"server", info.serverAddress))
        return false;
    return m_version < 3 || scenario(top.value(u"scenario"), info);
}

bool Loader::endpoint(const QJsonObject &endpoints, QStringView which, QString &address)
{
    const QString path = join(QStringLiteral("endpoints"), which);
    QJsonObject o;
    return object(endpoints, QStringLiteral("endpoints"), which, o)
        && onlyKeys(o, path, {u"address"}, tr("an endpoint")) && string(o, path, u"address", address);
}

bool Loader::scenario(const QJsonValue &value, TraceInfo &info)
{
    const QString path = QStringLiteral("scenario");
    if (value.isNull()) return true;
    if (!value.isObject()) return expected(path, value, tr("an object, or null for a trace that ran no scenario"));
    const QJsonObject o = value.toObject();
    if (!onlyKeys(o, path, {u"id", u"title", u"description"}, tr("a scenario"))
        || !string(o, path, u"id", info.scenarioId) || !string(o, path, u"title", info.scenarioTitle)
        || !string(o, path, u"description", info.scenarioDescription))
        return false;
    // An empty id is how a trace says it ran no scenario: this object would be saved back as null.
    if (info.scenarioId.isEmpty())
        return fail(join(path, u"id"), tr("must not be empty; a trace that ran no scenario has \"scenario\": null"));
    return true;
}

bool Loader::steps(const QJsonValue &value, Loaded &out)
{
    if (!value.isArray()) return expected(QStringLiteral("steps"), value, tr("an array"));
    const QJsonArray array = value.toArray();
    const qint64 count = qint64(out.events.size());
    out.steps.reserve(size_t(array.size()));
    for (qsizetype k = 0; k < array.size(); ++k) {
        const QString path = indexed(u"steps", k);
        if (!array.at(k).isObject()) return expected(path, array.at(k), tr("an object"));
        const QJsonObject o = array.at(k).toObject();
        if (!onlyKeys(o, path, {u"event", u"caption"}, tr("a step"))) return false;
        const QString eventPath = join(path, u"event");
        const QJsonValue event = o.value(u"event");
        qint64 first = 0;
        if (!toInt64(event, first) || first < 0)
            return expected(eventPath, event, tr("an integer from 0 to %1").arg(count));
        // Equal to the count is allowed: a last step that made no event starts where the trace ends.
        if (first > count) {
            return fail(eventPath,
                        tr("%1 is past the last event (%2)")
                            .arg(first)
                            .arg(count == 1 ? tr("1 event") : tr("%1 events").arg(count)));
        }
        // A step runs up to the next one's first event; equal ones are steps that made no event.
        if (!out.steps.empty() && first < out.steps.back().firstEvent) {
            return fail(eventPath,
                        tr("must not be less than %1.event (%2)")
                            .arg(indexed(u"steps", k - 1))
                            .arg(out.steps.back().firstEvent));
        }
        TraceStep step;
        step.firstEvent = qsizetype(first);
        if (!string(o, path, u"caption", step.caption)) return false;
        out.steps.push_back(std::move(step));
    }
    return true;
}

bool Loader::settings(const QJsonValue &value, Loaded &out)
{
    if (!value.isArray()) return expected(QStringLiteral("settings"), value, tr("an array"));
    const QJsonArray array = value.toArray();
    const qint64 count = qint64(out.events.size());
    for (qsizetype k = 0; k < array.size(); ++k) {
        const QString path = indexed(u"settings", k);
        if (!array.at(k).isObject()) return expected(path, array.at(k), tr("an object"));
        const QJsonObject o = array.at(k).toObject();
        if (!onlyKeys(o, path, {u"event", u"t_ns", u"side", u"key", u"from", u"to"}, tr("a setting's change")))
            return false;
        HostSettingChange c;
        qint64 first = 0;
        if (!integer(o, path, u"event", 0, count, first)
            || !integer(o, path, u"t_ns", 0, std::numeric_limits<qint64>::max(), c.tNs))
            return false;
        // In the order they were made, like the events.
        if (!out.info.settingChanges.empty() && first < out.info.settingChanges.back().firstEvent)
            return fail(join(path, u"event"),
                        tr("must not be less than %1.event (%2)")
                            .arg(indexed(u"settings", k - 1))
                            .arg(out.info.settingChanges.back().firstEvent));
        c.firstEvent = qsizetype(first);
        const QJsonValue side = o.value(u"side");
        if (!side.isString() || !sideFromName(side.toString(), c.side))
            return expected(join(path, u"side"), side, tr("\"client\" or \"server\""));
        if (!string(o, path, u"key", c.key) || !string(o, path, u"from", c.from) || !string(o, path, u"to", c.to))
            return false;
        out.info.settingChanges.push_back(std::move(c));
    }
    return true;
}

bool Loader::event(const QJsonValue &value, qsizetype index, Loaded &out)
{
    const QString path = indexed(u"events", index);
    if (!value.isObject()) return expected(path, value, tr("an object"));
    const QJsonObject o = value.toObject();
    Event e;

    const QJsonValue kind = o.value(u"kind");
    if (!kind.isString()) return expected(join(path, u"kind"), kind, tr("an event kind"));
    if (!eventKindFromName(kind.toString(), e.kind)) {
        return fail(
            join(path, u"kind"),
            tr("unknown event kind %1 (expected call, return, signal, send, deliver, drop, duplicate, state, timer or "
               "queues)")
                .arg(shown(kind)));
    }
    const QJsonValue side = o.value(u"side");
    if (!side.isString() || !sideFromName(side.toString(), e.side))
        return expected(join(path, u"side"), side, tr("\"client\" or \"server\""));
    if (!integer(o, path, u"t_ns", 0, std::numeric_limits<qint64>::max(), e.tNs)) return false;
    // Viewers step through events in order and place them by time; both must agree.
    if (e.tNs < m_lastT) {
        return fail(
            join(path, u"t_ns"),
            tr("%1 is earlier than the previous event's %2; t_ns may not go backwards").arg(e.tNs).arg(m_lastT));
    }
    m_lastT = e.tNs;

    bool ok = false;
    switch (e.kind) {
    case EventKind::Call:
    case EventKind::Return:
    case EventKind::Signal:
        ok = call(o, path, index, e, out);
        break;
    case EventKind::Send:
        ok = send(o, path, e, out);
        break;
    case EventKind::Deliver:
    case EventKind::Drop:
    case EventKind::Duplicate:
        ok = wireAction(o, path, index, e, out);
        break;
    case EventKind::State:
        ok = state(o, path, e);
        break;
    case EventKind::Timer:
        ok = timer(o, path, e);
        break;
    case EventKind::Queues:
        // Version 5 added them: an older file cannot have one.
        if (m_version < 5)
            return fail(join(path, u"kind"), tr("a queues event needs version 5 or later, not %1").arg(m_version));
        ok = queues(o, path, e, out);
        break;
    }
    if (ok) out.events.push_back(e);
    return ok;
}

bool Loader::call(const QJsonObject &o, const QString &path, qsizetype index, Event &e, Loaded &out)
{
    const QString what = tr("a %1 event").arg(eventKindName(e.kind));
    const bool isReturn = e.kind == EventKind::Return;
    const bool keysOk = isReturn
        ? onlyKeys(o, path, {u"kind", u"side", u"t_ns", u"fn", u"args", u"result", u"errno", u"detail", u"call"}, what)
        : onlyKeys(o, path, {u"kind", u"side", u"t_ns", u"fn", u"args", u"result", u"errno", u"detail"}, what);
    if (!keysOk) return false;
    CallRecord r;
    if (!string(o, path, u"fn", r.fn) || !object(o, path, u"args", r.args)) return false;
    r.hasResult = o.contains(u"result");
    if (r.hasResult
        && !integer(o, path, u"result", std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(),
                    r.result))
        return false;
    if (o.contains(u"errno")) {
        QString name;
        if (!string(o, path, u"errno", name)) return false;
        r.err = errnoFromText(name);
        if (r.err == 0) return fail(join(path, u"errno"), tr("unknown errno name %1").arg(shown(o.value(u"errno"))));
    }
    if (!string(o, path, u"detail", r.detail, Presence::Optional)) return false;
    if (isReturn) {
        const QJsonValue call = o.value(u"call");
        if (!toInt64(call, r.callEvent) || r.callEvent < 0 || r.callEvent >= index)
            return expected(join(path, u"call"), call, earlierEvent(index, QStringLiteral("call")));
        const Event &c = out.events[size_t(r.callEvent)];
        if (c.kind != EventKind::Call) {
            return fail(join(path, u"call"),
                        tr("events[%1] is a %2 event, not a call").arg(r.callEvent).arg(eventKindName(c.kind)));
        }
        if (c.side != e.side) {
            return fail(join(path, u"call"),
                        tr("events[%1] is a call on the %2, not on the %3")
                            .arg(r.callEvent)
                            .arg(sideName(c.side), sideName(e.side)));
        }
    }
    // A signal's nesting is kept by order: one between a Qt call and its return was emitted inside
    // that call, as QtHost records it (Qt's calls return at once, so nothing else runs in between).
    qint64 &openQtCall = m_openQtCall[int(e.side)];
    if (e.kind == EventKind::Signal)
        r.callEvent = openQtCall;
    else if (isReturn && r.callEvent == openQtCall)
        openQtCall = -1;
    else if (e.kind == EventKind::Call && openQtCall < 0 && SocketCall::flavourOf(r.fn) == Flavour::Qt)
        openQtCall = index;
    e.ref = quint32(out.records.size());
    out.records.push_back(std::move(r));
    return true;
}

bool Loader::segment(const QJsonObject &o, const QString &path, Event &e)
{
    const QString flagsPath = join(path, u"flags");
    const QJsonValue flags = o.value(u"flags");
    if (!flags.isArray()) return expected(flagsPath, flags, tr("an array of TCP flag names"));
    const QJsonArray names = flags.toArray();
    for (qsizetype i = 0; i < names.size(); ++i) {
        quint8 bit = 0;
        if (!names.at(i).isString() || !tcpFlagFromName(names.at(i).toString(), bit))
            return expected(indexed(flagsPath, i), names.at(i), tr("one of SYN, FIN, RST, PSH, URG, ECE, CWR, ACK"));
        if (e.flags & bit) return fail(indexed(flagsPath, i), tr("%1 given twice").arg(shown(names.at(i))));
        e.flags |= bit;
    }
    bool retransmission = false;
    if (!unsignedInteger(o, path, u"seq", e.seq) || !unsignedInteger(o, path, u"ack", e.ack)
        || !unsignedInteger(o, path, u"len", e.length) || !unsignedInteger(o, path, u"win", e.window)
        || !unsignedInteger(o, path, u"sport", e.localPort) || !unsignedInteger(o, path, u"dport", e.remotePort)
        || !boolean(o, path, u"retransmission", retransmission))
        return false;
    if (retransmission) e.marks |= EventMark::Retransmission;
    return true;
}

bool Loader::send(const QJsonObject &o, const QString &path, Event &e, Loaded &out)
{
    if (!onlyKeys(o, path,
                  {u"kind",
                   u"side",
                   u"t_ns",
                   u"flags",
                   u"seq",
                   u"ack",
                   u"len",
                   u"win",
                   u"sport",
                   u"dport",
                   u"retransmission",
                   u"raw",
                   u"options",
                   u"duplicate_ack",
                   u"out_of_order",
                   u"zero_window",
                   u"fast_retransmission",
                   u"spurious_retransmission",
                   u"keep_alive",
                   u"keep_alive_ack",
                   u"window_update",
                   u"window_full",
                   u"zero_window_probe",
                   u"zero_window_probe_ack",
                   u"lost_segment",
                   u"ack_lost_segment",
                   u"reused_ports"},
                  tr("a send event"))
        || !segment(o, path, e))
        return false;
    for (const auto &[bit, key] : kAnalysisMarks) {
        bool set = false;
        if (o.contains(key) && m_version < 2)
            return fail(join(path, key), tr("unknown field for a send event in a version 1 file"));
        if (!boolean(o, path, key, set, Presence::Optional)) return false;
        if (set) e.marks |= bit;
    }
    for (const auto &[bit, key] : kMoreAnalysisMarks) {
        bool set = false;
        if (o.contains(key) && m_version < 4)
            return fail(join(path, key), tr("unknown field for a send event in a version %1 file").arg(m_version));
        if (!boolean(o, path, key, set, Presence::Optional)) return false;
        if (set) e.analysis |= bit;
    }
    QString raw;
    if (!string(o, path, u"raw", raw)) return false;
    const QString rawPath = join(path, u"raw");
    const auto decoded = QByteArray::fromBase64Encoding(raw.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    // toLatin1() makes any other character '?', which is not base64 either.
    if (!decoded) return fail(rawPath, tr("not valid base64"));
    const QByteArray &packet = decoded.decoded;
    if (packet.size() > kMaxPacket)
        return fail(rawPath, tr("%1 bytes; a packet in a trace has at most %2").arg(packet.size()).arg(kMaxPacket));
    TcpSegment s;
    // A capture made with a short snap length keeps only the headers: its payload may be cut.
    const ParseStatus status = parseIpTcp(reinterpret_cast<const uchar *>(packet.constData()), packet.size(), s,
                                          m_version >= 2 ? Completeness::HeadersOnly : Completeness::Whole);
    if (status != ParseStatus::Ok)
        return fail(rawPath, tr("not an IP/TCP packet: %1").arg(QLatin1StringView(parseStatusText(status))));

    // The fields repeat the packet for readers of the file; a file where they disagree has been
    // edited or damaged, and the diagram and the bytes panel would show different segments.
    const auto differs = [&](QStringView key, const QString &mine, const QString &packetHas) {
        return fail(join(path, key), tr("%1 does not match the packet in raw, which has %2").arg(mine, packetHas));
    };
    if (e.flags != s.flags) {
        return differs(u"flags", u'[' + tcpFlagsText(e.flags) + u']', u'[' + tcpFlagsText(s.flags) + u']');
    }
    // A packet cut by the capture's snap length, or one whose IP header gives no length (a TSO
    // frame: total length 0; a length past the frame), has its length from the capture, not from
    // its bytes: it may only be longer than the payload the bytes hold.
    const qsizetype held = packet.size() - s.ipHeaderLength - s.tcpHeaderLength;
    const bool lengthFromCapture = m_version >= 2
        && (packet.size() < qsizetype(s.ipLength)
            || (s.ipVersion == 4 && packet.size() >= 4 && packet[2] == 0 && packet[3] == 0));
    const quint32 payload =
        lengthFromCapture && e.length >= quint32(qMax<qsizetype>(held, 0)) ? e.length : s.payloadLength;
    const std::tuple<QStringView, quint32, quint32> numbers[] {{u"seq", e.seq, s.seq},
                                                               {u"ack", e.ack, s.ack},
                                                               {u"len", e.length, payload},
                                                               {u"win", e.window, s.window},
                                                               {u"sport", e.localPort, s.srcPort},
                                                               {u"dport", e.remotePort, s.dstPort}};
    for (const auto &[key, mine, packetHas] : numbers) {
        if (mine != packetHas) return differs(key, QString::number(mine), QString::number(packetHas));
    }
    e.ref = quint32(out.packets.size());
    out.packets.push_back(packet);
    return true;
}

bool Loader::wireAction(const QJsonObject &o, const QString &path, qsizetype index, Event &e, const Loaded &out)
{
    const QString what = tr("a %1 event").arg(eventKindName(e.kind));
    if (!onlyKeys(o, path,
                  {u"kind", u"side", u"t_ns", u"flags", u"seq", u"ack", u"len", u"win", u"sport", u"dport",
                   u"retransmission", u"of", u"reordered", u"copy"},
                  what)
        || !segment(o, path, e))
        return false;
    qint64 of = 0;
    const QString ofPath = join(path, u"of");
    if (!toInt64(o.value(u"of"), of) || of < 0 || of >= index) {
        return expected(ofPath, o.value(u"of"), earlierEvent(index, QStringLiteral("send")));
    }
    const Event &sent = out.events[size_t(of)];
    if (sent.kind != EventKind::Send)
        return fail(ofPath, tr("events[%1] is a %2 event, not a send").arg(of).arg(eventKindName(sent.kind)));

    // The Trace keeps a wire action as a copy of its send (see Trace::appendWireAction); the file
    // repeats those fields for readers, so they must be the send's.
    const auto differs = [&](QStringView key, const QString &mine, const QString &sendHas) {
        return fail(
            join(path, key),
            tr("%1 does not match the send it refers to (events[%2]), which has %3").arg(mine).arg(of).arg(sendHas));
    };
    if (e.side != sent.side) return differs(u"side", sideName(e.side), sideName(sent.side));
    if (e.flags != sent.flags)
        return differs(u"flags", u'[' + tcpFlagsText(e.flags) + u']', u'[' + tcpFlagsText(sent.flags) + u']');
    const std::tuple<QStringView, quint32, quint32> numbers[] {{u"seq", e.seq, sent.seq},
                                                               {u"ack", e.ack, sent.ack},
                                                               {u"len", e.length, sent.length},
                                                               {u"win", e.window, sent.window},
                                                               {u"sport", e.localPort, sent.localPort},
                                                               {u"dport", e.remotePort, sent.remotePort}};
    for (const auto &[key, mine, sendHas] : numbers) {
        if (mine != sendHas) return differs(key, QString::number(mine), QString::number(sendHas));
    }
    if ((e.marks ^ sent.marks) & EventMark::Retransmission) {
        const auto text = [](quint8 marks) {
            return (marks & EventMark::Retransmission) ? QStringLiteral("true") : QStringLiteral("false");
        };
        return differs(u"retransmission", text(e.marks), text(sent.marks));
    }
    bool reordered = false;
    bool copy = false;
    if (!boolean(o, path, u"reordered", reordered, Presence::Optional)
        || !boolean(o, path, u"copy", copy, Presence::Optional))
        return false;
    e.marks = quint8(e.marks | (reordered ? EventMark::Reordered : 0) | (copy ? EventMark::Copy : 0));
    e.ref = quint32(of);
    return true;
}

bool Loader::state(const QJsonObject &o, const QString &path, Event &e)
{
    if (!onlyKeys(o, path, {u"kind", u"side", u"t_ns", u"state", u"sport", u"dport", u"inferred"}, tr("a state event")))
        return false;
    const QJsonValue name = o.value(u"state");
    TcpState state {};
    if (!name.isString() || !tcpStateFromName(name.toString(), state)) {
        return expected(
            join(path, u"state"), name,
            tr("a TCP state (CLOSED, LISTEN, SYN_SENT, SYN_RCVD, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, "
               "CLOSING, LAST_ACK, TIME_WAIT)"));
    }
    e.flags = quint8(state);
    bool inferred = false;
    if (!unsignedInteger(o, path, u"sport", e.localPort) || !unsignedInteger(o, path, u"dport", e.remotePort)
        || !boolean(o, path, u"inferred", inferred, Presence::Optional))
        return false;
    if (inferred) e.marks |= EventMark::Inferred;
    return true;
}

bool Loader::timer(const QJsonObject &o, const QString &path, Event &e)
{
    if (!onlyKeys(o, path, {u"kind", u"side", u"t_ns", u"timer", u"expires_ms", u"retransmits", u"sport", u"dport"},
                  tr("a timer event")))
        return false;
    const QJsonValue name = o.value(u"timer");
    TimerKind timer {};
    if (!name.isString() || !timerKindFromName(name.toString(), timer)) {
        return expected(join(path, u"timer"), name,
                        tr("a timer kind (none, retransmit, keepalive, time_wait, zero_window_probe)"));
    }
    e.flags = quint8(timer);
    return unsignedInteger(o, path, u"expires_ms", e.seq) && unsignedInteger(o, path, u"retransmits", e.ack)
        && unsignedInteger(o, path, u"sport", e.localPort) && unsignedInteger(o, path, u"dport", e.remotePort);
}

bool Loader::queues(const QJsonObject &o, const QString &path, Event &e, Loaded &out)
{
    // A listener has its accept queue, backlog and SYN queue; a connection its send and receive
    // queues and what else its kernel reported.
    SocketQueues q;
    q.listener = o.contains(u"accept_queue");
    if (q.listener) {
        if (!onlyKeys(o, path,
                      {u"kind", u"side", u"t_ns", u"sport", u"dport", u"accept_queue", u"backlog", u"syn_queue"},
                      tr("a queues event of a listener"))
            || !unsignedInteger(o, path, u"accept_queue", q.acceptQueue)
            || !unsignedInteger(o, path, u"backlog", q.backlog) || !unsignedInteger(o, path, u"syn_queue", q.synQueue))
            return false;
    } else {
        if (!onlyKeys(o, path,
                      {u"kind", u"side", u"t_ns", u"sport", u"dport", u"send_queue", u"recv_queue", u"peer_window",
                       u"recv_window", u"cwnd", u"rto_us"},
                      tr("a queues event"))
            || !unsignedInteger(o, path, u"send_queue", q.sendQueue)
            || !unsignedInteger(o, path, u"recv_queue", q.recvQueue))
            return false;
        const std::array<std::tuple<QStringView, quint8, quint32 *>, 4> optional {{
            {u"peer_window", SocketQueues::PeerWindow, &q.peerWindow},
            {u"recv_window", SocketQueues::RecvWindow, &q.recvWindow},
            {u"cwnd", SocketQueues::Cwnd, &q.cwnd},
            {u"rto_us", SocketQueues::Rto, &q.rtoUs},
        }};
        for (const auto &[key, bit, value] : optional) {
            if (!o.contains(key)) continue;
            if (!unsignedInteger(o, path, key, *value)) return false;
            q.has |= bit;
        }
    }
    if (!unsignedInteger(o, path, u"sport", e.localPort) || !unsignedInteger(o, path, u"dport", e.remotePort))
        return false;
    e.ref = quint32(out.queues.size());
    out.queues.push_back(q);
    return true;
}

} // namespace

QByteArray TraceJson::save(const Trace &trace)
{
    const TraceInfo &info = trace.info();
    QJsonObject top;
    top.insert(u"format", kFormat);
    top.insert(u"version", kVersion);
    top.insert(u"source", info.source);
    top.insert(u"kernel", info.kernel);
    // Milliseconds are all QDateTime holds, so this string gives back the same anchor.
    top.insert(u"anchor",
               info.wallClockOrigin.isValid() ? QJsonValue(info.wallClockOrigin.toUTC().toString(Qt::ISODateWithMs))
                                              : QJsonValue(QJsonValue::Null));
    top.insert(u"clock", kClock);
    top.insert(u"endpoints",
               QJsonObject {{QStringLiteral("client"), QJsonObject {{QStringLiteral("address"), info.clientAddress}}},
                            {QStringLiteral("server"), QJsonObject {{QStringLiteral("address"), info.serverAddress}}}});
    QJsonArray events;
    for (qsizetype i = 0; i < trace.size(); ++i)
        events.append(eventToJson(trace, i));
    top.insert(u"events", events);
    // Version 3: the scenario a recording ran and where each of its steps begins; null and [] for
    // what was done by hand or imported.
    top.insert(u"scenario",
               info.scenarioId.isEmpty()
                   ? QJsonValue(QJsonValue::Null)
                   : QJsonValue(QJsonObject {{QStringLiteral("id"), info.scenarioId},
                                             {QStringLiteral("title"), info.scenarioTitle},
                                             {QStringLiteral("description"), info.scenarioDescription}}));
    QJsonArray steps;
    for (const TraceStep &step : trace.steps()) {
        steps.append(QJsonObject {{QStringLiteral("event"), qint64(step.firstEvent)},
                                  {QStringLiteral("caption"), step.caption}});
    }
    top.insert(u"steps", steps);
    // Version 5: host settings changed while it was recorded; left out when none changed.
    QJsonArray settings;
    for (const HostSettingChange &c : info.settingChanges) {
        settings.append(QJsonObject {{QStringLiteral("event"), qint64(c.firstEvent)},
                                     {QStringLiteral("t_ns"), c.tNs},
                                     {QStringLiteral("side"), sideName(c.side)},
                                     {QStringLiteral("key"), c.key},
                                     {QStringLiteral("from"), c.from},
                                     {QStringLiteral("to"), c.to}});
    }
    if (!settings.isEmpty()) top.insert(u"settings", settings);
    // QJsonObject keeps its keys sorted, so the same trace always gives the same bytes.
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

bool TraceJson::load(const QByteArray &json, Trace &trace, QString *error)
{
    // Everything is checked before the trace is touched, so it changes once: cleared, then filled.
    Loader loader;
    Loaded loaded;
    const bool ok = loader.load(json, loaded);
    trace.clear();
    if (error) *error = loader.error();
    if (!ok) return false;
    trace.setInfo(loaded.info);
    for (const Event &e : loaded.events) {
        if (e.kind == EventKind::Send)
            trace.appendRaw(e, loaded.packets[e.ref]);
        else if (e.kind == EventKind::Call || e.kind == EventKind::Return || e.kind == EventKind::Signal)
            trace.appendRaw(e, {}, &loaded.records[e.ref]);
        else if (e.kind == EventKind::Queues)
            trace.appendQueues(e.tNs, e.side, e.localPort, e.remotePort, loaded.queues[e.ref]);
        else
            trace.appendRaw(e);
    }
    trace.setSteps(std::move(loaded.steps));
    return true;
}
