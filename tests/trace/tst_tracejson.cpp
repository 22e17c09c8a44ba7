// SPDX-License-Identifier: GPL-3.0-or-later
// The trace file format (docs/trace-format.md): what a saved trace says, that it reopens exactly,
// and that a damaged or hand-edited file is refused with the place of the mistake.

#include "support/packetbuilder.h"
#include "testmain.h"
#include "trace/eventtext.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"
#include "trace/tracejson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cerrno>
#include <functional>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr quint32 kClient = 0x0a000001; // 10.0.0.1
constexpr quint32 kServer = 0x0a000002; // 10.0.0.2
constexpr quint16 kClientPort = 40000;
constexpr quint16 kServerPort = 9877;
const QJsonValue kRemove(QJsonValue::Undefined); // for setField: take the field out

using testsupport::bytes;
using testsupport::put16;
using testsupport::put32;

// MSS, SACK permitted, timestamps, NOP, window scale: the options Linux puts on a SYN.
QByteArray synOptions(quint16 mss, quint32 tsVal, quint32 tsEcr, quint8 wscale)
{
    QByteArray o = bytes({2, 4, 0, 0, 4, 2, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3, wscale});
    put16(o, 2, mss);
    put32(o, 8, tsVal);
    put32(o, 12, tsEcr);
    return o;
}

QByteArray timestamps(quint32 tsVal, quint32 tsEcr)
{
    QByteArray o = bytes({1, 1, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0});
    put32(o, 4, tsVal);
    put32(o, 8, tsEcr);
    return o;
}

// One IPv4/TCP packet from the client (or, with fromServer, the server), laid out as on the wire.
struct PacketSpec {
    bool fromServer = false;
    quint8 flags = 0;
    quint32 seq = 0;
    quint32 ack = 0;
    quint16 window = 64240;
    QByteArray options; // a multiple of 4 bytes
    QByteArray payload;

    QByteArray build() const
    {
        testsupport::Ipv4TcpPacket p;
        p.src = fromServer ? kServer : kClient;
        p.dst = fromServer ? kClient : kServer;
        p.sport = fromServer ? kServerPort : kClientPort;
        p.dport = fromServer ? kClientPort : kServerPort;
        p.seq = seq;
        p.ack = ack;
        p.flags = flags;
        p.window = window;
        p.options = options;
        p.payload = payload;
        return p.build();
    }
};

qsizetype appendSend(Trace &trace, qint64 tNs, const PacketSpec &p, quint8 marks = 0)
{
    const QByteArray packet = p.build();
    TcpSegment s;
    if (parseIpv4Tcp(reinterpret_cast<const uchar *>(packet.constData()), packet.size(), s) != ParseStatus::Ok)
        qFatal("the test built a packet it cannot parse");
    return trace.appendSend(tNs, p.fromServer ? Side::Server : Side::Client, packet, s, marks);
}

qsizetype appendCall(Trace &trace, qint64 tNs, Side side, const QString &fn, const QJsonObject &args)
{
    CallRecord r;
    r.fn = fn;
    r.args = args;
    return trace.appendCall(tNs, side, EventKind::Call, r);
}

qsizetype appendReturn(Trace &trace, qint64 tNs, qsizetype call, std::optional<qint64> result, int err = 0,
                       const QString &detail = {})
{
    CallRecord r;
    r.fn = trace.callRecord(trace.at(call)).fn;
    r.hasResult = result.has_value();
    r.result = result.value_or(0);
    r.err = err;
    r.detail = detail;
    r.callEvent = call;
    return trace.appendCall(tNs, trace.at(call).side, EventKind::Return, r);
}

// Indexes of the events the tests look at in the saved file.
struct Generated {
    qsizetype syn = -1, synState = -1, synCopyDrop = -1, synRetransmission = -1, synRetransmissionDelivery = -1,
              synAck = -1, connectReturn = -1, qtReturn = -1, reorderedDelivery = -1, copyDelivery = -1, sack = -1,
              readyRead = -1, unnamedErrno = -1, keepalive = -1, last = -1;
};

// A trace with every kind of event and every mark, its segments made from packet bytes with
// options, and numbers at the edges of their ranges; recorded as a scenario whose steps start at
// the first event, share a first event (a step that made none) and end with one past the last.
Generated buildGenerated(Trace &trace)
{
    Generated g;
    TraceInfo info;
    info.source = QStringLiteral("generated");
    info.clientAddress = QStringLiteral("10.0.0.1");
    info.serverAddress = QStringLiteral("10.0.0.2");
    info.kernel = QStringLiteral("6.8.0-generated");
    info.wallClockOrigin = QDateTime(QDate(2024, 5, 1), QTime(12, 34, 56, 789), Qt::UTC);
    info.scenarioId = QStringLiteral("everything");
    info.scenarioTitle = QStringLiteral("Every event — «ü»");
    info.scenarioDescription = QStringLiteral("Two lines,\n\"quoted\" \\ /");
    trace.clear();
    trace.setInfo(info);

    trace.appendStep(QStringLiteral("The server listens"));

    const qsizetype listen = appendCall(trace, 0, Side::Server, QStringLiteral("listen"),
                                        {{QStringLiteral("fd"), 3}, {QStringLiteral("backlog"), 5}});
    appendReturn(trace, 10, listen, 0);
    trace.appendState(20, Side::Server, kServerPort, 0, TcpState::Listen);
    trace.appendStep(QStringLiteral("The client connects"));
    const qsizetype connect = appendCall(
        trace, 1000, Side::Client, QStringLiteral("connect"),
        {{QStringLiteral("fd"), 3},
         {QStringLiteral("addr"), QStringLiteral("10.0.0.2")},
         {QStringLiteral("port"), kServerPort},
         {QStringLiteral("ratio"), 0.1},
         {QStringLiteral("nested"),
          QJsonObject {{QStringLiteral("list"), QJsonArray {1, QStringLiteral("two"), QJsonValue(), true}}}}});

    PacketSpec syn;
    syn.flags = TcpFlag::Syn | TcpFlag::Ece | TcpFlag::Cwr;
    syn.seq = 0xfffffff0; // the handshake crosses the sequence wrap
    syn.options = synOptions(1460, 100, 0, 7);
    g.syn = appendSend(trace, 2000, syn);
    g.synState =
        trace.appendState(2000, Side::Client, kClientPort, kServerPort, TcpState::SynSent, EventMark::Inferred);
    trace.appendTimer(2100, Side::Client, kClientPort, kServerPort, TimerKind::Retransmit, 1000, 0);
    trace.appendWireAction(3000, EventKind::Duplicate, g.syn);
    g.synCopyDrop = trace.appendWireAction(3500, EventKind::Drop, g.syn, EventMark::Copy);
    trace.appendWireAction(3600, EventKind::Drop, g.syn);
    g.synRetransmission = appendSend(trace, 1'002'000, syn, EventMark::Retransmission);
    trace.appendTimer(1'002'000, Side::Client, kClientPort, kServerPort, TimerKind::Retransmit, 2000, 1);
    g.synRetransmissionDelivery = trace.appendWireAction(1'002'500, EventKind::Deliver, g.synRetransmission);

    PacketSpec synAck;
    synAck.fromServer = true;
    synAck.flags = TcpFlag::Syn | TcpFlag::Ack | TcpFlag::Ece;
    synAck.seq = 0;
    synAck.ack = 0xfffffff1;
    synAck.window = 65160;
    synAck.options = synOptions(1400, 200, 100, 9);
    g.synAck = appendSend(trace, 1'003'000, synAck);
    trace.appendState(1'003'000, Side::Server, kServerPort, kClientPort, TcpState::SynRcvd, EventMark::Inferred);
    trace.appendWireAction(1'003'500, EventKind::Deliver, g.synAck);

    PacketSpec ack;
    ack.flags = TcpFlag::Ack;
    ack.seq = 0xfffffff1;
    ack.ack = 1;
    ack.window = 502;
    ack.options = timestamps(101, 200);
    const qsizetype ackIndex = appendSend(trace, 1'004'000, ack);
    g.connectReturn = appendReturn(trace, 1'004'100, connect, 0);
    trace.appendTimer(1'004'100, Side::Client, kClientPort, kServerPort, TimerKind::None, 0, 1);
    trace.appendState(1'004'100, Side::Client, kClientPort, kServerPort, TcpState::Established);
    trace.appendWireAction(1'004'500, EventKind::Deliver, ackIndex);

    trace.appendStep(QStringLiteral("Nothing happens"));
    trace.appendStep(QString()); // nothing says a caption cannot be empty
    const qsizetype qtConnect = appendCall(trace, 1'005'000, Side::Client, QStringLiteral("QTcpSocket::connectToHost"),
                                           {{QStringLiteral("socket"), 1}, {QStringLiteral("port"), 1}});
    g.qtReturn = appendReturn(trace, 1'005'100, qtConnect, std::nullopt, ECONNREFUSED,
                              QStringLiteral("QAbstractSocket::ConnectionRefusedError"));

    PacketSpec hello = ack;
    hello.flags = TcpFlag::Psh | TcpFlag::Ack | TcpFlag::Cwr;
    hello.payload = QByteArrayLiteral("hello");
    const qsizetype helloIndex = appendSend(trace, 1'006'000, hello);
    PacketSpec world = hello;
    world.flags = TcpFlag::Psh | TcpFlag::Ack;
    world.seq = hello.seq + 5;
    world.payload = QByteArrayLiteral("world");
    const qsizetype worldIndex = appendSend(trace, 1'006'000, world);
    g.reorderedDelivery = trace.appendWireAction(1'006'500, EventKind::Deliver, worldIndex, EventMark::Reordered);
    trace.appendWireAction(1'006'600, EventKind::Duplicate, helloIndex);
    trace.appendWireAction(1'006'700, EventKind::Deliver, helloIndex);
    g.copyDelivery =
        trace.appendWireAction(1'006'800, EventKind::Deliver, helloIndex, EventMark::Copy | EventMark::Reordered);

    PacketSpec sack;
    sack.fromServer = true;
    sack.flags = TcpFlag::Ack;
    sack.seq = 1;
    sack.ack = 4;
    sack.window = 0xffff;
    sack.options = bytes({1, 1, 5, 18, 0, 0, 0, 9, 0, 0, 0, 14, 0xff, 0xff, 0xff, 0xf0, 0xff, 0xff, 0xff, 0xff});
    g.sack = appendSend(trace, 1'007'000, sack);
    trace.appendWireAction(1'007'100, EventKind::Deliver, g.sack);

    CallRecord readyRead;
    readyRead.fn = QStringLiteral("readyRead");
    readyRead.args = {{QStringLiteral("socket"), 1}};
    readyRead.detail = QStringLiteral("10 bytes — «ü» \"quoted\"\n\ttab \\ /");
    trace.appendStep(QStringLiteral("Data — «ü» \"quoted\"\n\ttab \\ /"));
    g.readyRead = trace.appendCall(1'008'000, Side::Server, EventKind::Signal, readyRead);
    const qsizetype read = appendCall(trace, 1'008'100, Side::Server, QStringLiteral("read"),
                                      {{QStringLiteral("fd"), 4}, {QStringLiteral("count"), 1024}});
    appendReturn(trace, 1'008'200, read, 10, 0, QStringLiteral("helloworld"));
    const qsizetype close =
        appendCall(trace, 1'009'000, Side::Client, QStringLiteral("close"), {{QStringLiteral("fd"), 3}});
    // A number the C library has no name for is written "errno 1234" and must come back.
    g.unnamedErrno = appendReturn(trace, 1'009'100, close, -1, 1234);

    PacketSpec rst;
    rst.flags = TcpFlag::Rst | TcpFlag::Ack | TcpFlag::Fin | TcpFlag::Urg;
    rst.seq = 0xffffffff;
    rst.ack = 0xffffffff;
    rst.window = 0;
    const qsizetype rstIndex = appendSend(trace, 1'010'000, rst);
    trace.appendWireAction(1'010'000, EventKind::Drop, rstIndex);
    g.keepalive = trace.appendTimer(1'011'000, Side::Server, kServerPort, kClientPort, TimerKind::Keepalive, 0xffffffff,
                                    0xffffffff);
    trace.appendTimer(1'011'000, Side::Server, kServerPort, kClientPort, TimerKind::ZeroWindowProbe, 1, 2);
    trace.appendTimer(1'011'000, Side::Server, kServerPort, kClientPort, TimerKind::TimeWait, 60000, 0);
    trace.appendState(1'012'000, Side::Server, kServerPort, kClientPort, TcpState::Closed);
    for (TcpState s : {TcpState::FinWait1, TcpState::FinWait2, TcpState::CloseWait, TcpState::Closing,
                       TcpState::LastAck, TcpState::TimeWait})
        trace.appendState(qint64(1) << 60, Side::Client, kClientPort, kServerPort, s);
    const qsizetype exit =
        appendCall(trace, std::numeric_limits<qint64>::max() - 1, Side::Client, QStringLiteral("exit"), {});
    g.last = appendReturn(trace, std::numeric_limits<qint64>::max(), exit, std::numeric_limits<qint64>::min(), EPIPE);
    trace.appendStep(QStringLiteral("The last step makes no event"));
    return g;
}

// A short handshake, for the malformed-file rows: their paths name these indexes.
//   0 call connect, 1 send SYN, 2 deliver 1, 3 send SYN-ACK, 4 state, 5 return of 0, 6 timer
QByteArray smallTrace()
{
    Trace trace;
    TraceInfo info;
    info.source = QStringLiteral("generated");
    info.clientAddress = QStringLiteral("10.0.0.1");
    info.serverAddress = QStringLiteral("10.0.0.2");
    info.wallClockOrigin = QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);
    trace.setInfo(info);
    const qsizetype connect =
        appendCall(trace, 100, Side::Client, QStringLiteral("connect"), {{QStringLiteral("fd"), 3}});
    PacketSpec syn;
    syn.flags = TcpFlag::Syn;
    syn.seq = 1000;
    syn.options = synOptions(1460, 1, 0, 7);
    const qsizetype synIndex = appendSend(trace, 200, syn);
    trace.appendWireAction(300, EventKind::Deliver, synIndex);
    PacketSpec synAck;
    synAck.fromServer = true;
    synAck.flags = TcpFlag::Syn | TcpFlag::Ack;
    synAck.seq = 5000;
    synAck.ack = 1001;
    appendSend(trace, 400, synAck);
    trace.appendState(400, Side::Server, kServerPort, kClientPort, TcpState::SynRcvd);
    appendReturn(trace, 500, connect, 0);
    trace.appendTimer(600, Side::Client, kClientPort, kServerPort, TimerKind::Retransmit, 200, 0);
    return TraceJson::save(trace);
}

QJsonObject topOf(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}
QByteArray toJson(const QJsonObject &top)
{
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

QByteArray changeTop(const QByteArray &json, const std::function<void(QJsonObject &)> &change)
{
    QJsonObject top = topOf(json);
    change(top);
    return toJson(top);
}

QByteArray changeEvent(const QByteArray &json, qsizetype index, const std::function<void(QJsonObject &)> &change)
{
    return changeTop(json, [&](QJsonObject &top) {
        QJsonArray events = top.value(u"events").toArray();
        QJsonObject e = events.at(index).toObject();
        change(e);
        events.replace(index, e);
        top.insert(u"events", events);
    });
}

QByteArray setField(const QByteArray &json, qsizetype index, const QString &key, const QJsonValue &value)
{
    return changeEvent(json, index, [&](QJsonObject &e) {
        if (value.isUndefined())
            e.remove(key);
        else
            e.insert(key, value);
    });
}

QJsonObject eventOf(const QByteArray &json, qsizetype index)
{
    return topOf(json).value(u"events").toArray().at(index).toObject();
}

bool isEmpty(const Trace &trace)
{
    return trace.isEmpty() && trace.callRecords().empty() && trace.packets().size() == 0 && trace.steps().empty()
        && trace.info() == TraceInfo {};
}

// Every event, record and packet of `loaded` is the one of `original`.
void compareTraces(const Trace &loaded, const Trace &original)
{
    QVERIFY(loaded.info() == original.info());
    QCOMPARE(loaded.size(), original.size());
    QCOMPARE(loaded.steps().size(), original.steps().size());
    for (size_t k = 0; k < original.steps().size(); ++k) {
        QCOMPARE(loaded.steps()[k].firstEvent, original.steps()[k].firstEvent);
        QCOMPARE(loaded.steps()[k].caption, original.steps()[k].caption);
    }
    for (qsizetype i = 0; i < original.size(); ++i) {
        const Event &a = loaded.at(i);
        const Event &b = original.at(i);
        const QByteArray where = QStringLiteral("event %1: %2 / %3")
                                     .arg(i)
                                     .arg(EventText::describe(loaded, i), EventText::describe(original, i))
                                     .toUtf8();
        QVERIFY2(a == b, where.constData());
        if (a.kind == EventKind::Call || a.kind == EventKind::Return || a.kind == EventKind::Signal)
            QVERIFY2(loaded.callRecord(a) == original.callRecord(b), where.constData());
        if (a.isSegment()) QCOMPARE(loaded.packet(a).toByteArray(), original.packet(b).toByteArray());
        if (a.kind == EventKind::Queues) QVERIFY2(loaded.queues(a) == original.queues(b), where.constData());
    }
    QCOMPARE(loaded.callRecords().size(), original.callRecords().size());
    QCOMPARE(loaded.packets().size(), original.packets().size());
}

} // namespace

class TestTraceJson : public QObject {
    Q_OBJECT

private slots:
    // Version 5: a host setting changed while recording is saved with when, where and what, and
    // loads back the same; a trace without changes has no "settings" key.
    void settingChangesRoundTrip()
    {
        Trace trace;
        QVERIFY(!topOf(TraceJson::save(trace)).contains(u"settings"));
        const qsizetype call = appendCall(trace, 100, Side::Client, u"socket"_s, {});
        trace.appendSettingChange(Side::Client, u"net.ipv4.tcp_sack"_s, u"1"_s, u"0"_s);
        appendReturn(trace, 200, call, 3);
        trace.appendSettingChange(Side::Server, u"quickack"_s, u"0"_s, u"1"_s);
        const QByteArray json = TraceJson::save(trace);
        const QJsonArray settings = topOf(json).value(u"settings").toArray();
        QCOMPARE(settings.size(), 2);
        QCOMPARE(settings.at(0).toObject().value(u"event").toInt(), 1);
        QCOMPARE(settings.at(1).toObject().value(u"event").toInt(), 2);
        Trace loaded;
        QString error;
        QVERIFY2(TraceJson::load(json, loaded, &error), qPrintable(error));
        QCOMPARE(loaded.info().settingChanges, trace.info().settingChanges);
        QCOMPARE(loaded.info().settingChanges.at(0).key, u"net.ipv4.tcp_sack"_s);
        QCOMPARE(loaded.info().settingChanges.at(1).side, Side::Server);
        QCOMPARE(TraceJson::save(loaded), json);
    }

    void generatedRoundTrip()
    {
        Trace original;
        buildGenerated(original);
        const QByteArray first = TraceJson::save(original);
        Trace loaded;
        QString error;
        QVERIFY2(TraceJson::load(first, loaded, &error), qPrintable(error));
        QVERIFY(error.isEmpty());
        compareTraces(loaded, original);
        QCOMPARE(TraceJson::save(loaded), first);
    }

    // What a reader of the file sees, field by field.
    void generatedFields()
    {
        Trace trace;
        const Generated g = buildGenerated(trace);
        const QByteArray json = TraceJson::save(trace);
        const QJsonObject top = topOf(json);
        QCOMPARE(top.keys(),
                 QStringList({QStringLiteral("anchor"), QStringLiteral("clock"), QStringLiteral("endpoints"),
                              QStringLiteral("events"), QStringLiteral("format"), QStringLiteral("kernel"),
                              QStringLiteral("scenario"), QStringLiteral("source"), QStringLiteral("steps"),
                              QStringLiteral("version")}));
        QCOMPARE(top.value(u"format").toString(), QStringLiteral("synscope-trace"));
        QCOMPARE(top.value(u"version").toInt(), TraceJson::kVersion);
        QCOMPARE(TraceJson::kVersion, 5);
        QCOMPARE(top.value(u"source").toString(), QStringLiteral("generated"));
        QCOMPARE(top.value(u"kernel").toString(), QStringLiteral("6.8.0-generated"));
        QCOMPARE(top.value(u"anchor").toString(), QStringLiteral("2024-05-01T12:34:56.789Z"));
        QCOMPARE(top.value(u"clock").toString(), QStringLiteral("monotonic"));
        QCOMPARE(top.value(u"endpoints")[u"client"][u"address"].toString(), QStringLiteral("10.0.0.1"));
        QCOMPARE(top.value(u"endpoints")[u"server"][u"address"].toString(), QStringLiteral("10.0.0.2"));
        QCOMPARE(top.value(u"events").toArray().size(), trace.size());
        QCOMPARE(top.value(u"scenario").toObject(),
                 QJsonObject({{QStringLiteral("id"), QStringLiteral("everything")},
                              {QStringLiteral("title"), QStringLiteral("Every event — «ü»")},
                              {QStringLiteral("description"), QStringLiteral("Two lines,\n\"quoted\" \\ /")}}));

        const QJsonArray steps = top.value(u"steps").toArray();
        QCOMPARE(steps.size(), qsizetype(trace.steps().size()));
        QCOMPARE(steps.size(), 6);
        for (qsizetype k = 0; k < steps.size(); ++k) {
            QCOMPARE(steps.at(k).toObject().keys(), QStringList({QStringLiteral("caption"), QStringLiteral("event")}));
            QCOMPARE(steps.at(k)[u"event"].toInteger(), trace.steps()[size_t(k)].firstEvent);
            QCOMPARE(steps.at(k)[u"caption"].toString(), trace.steps()[size_t(k)].caption);
        }
        QCOMPARE(steps.at(0)[u"event"].toInteger(), 0);
        QCOMPARE(steps.at(0)[u"caption"].toString(), QStringLiteral("The server listens"));
        QCOMPARE(steps.at(1)[u"event"].toInteger(), 3); // the connect call
        QCOMPARE(steps.at(2)[u"event"].toInteger(), steps.at(3)[u"event"].toInteger()); // a step that made no event
        QCOMPARE(steps.at(3)[u"caption"].toString(), QString());
        QCOMPARE(steps.at(4)[u"event"].toInteger(), g.readyRead);
        QCOMPARE(steps.at(5)[u"event"].toInteger(), trace.size()); // the last step made no event either

        const QJsonObject syn = eventOf(json, g.syn);
        QCOMPARE(syn.value(u"kind").toString(), QStringLiteral("send"));
        QCOMPARE(syn.value(u"side").toString(), QStringLiteral("client"));
        QCOMPARE(syn.value(u"t_ns").toInteger(), 2000);
        QCOMPARE(syn.value(u"flags").toArray(),
                 QJsonArray({QStringLiteral("SYN"), QStringLiteral("ECE"), QStringLiteral("CWR")}));
        QCOMPARE(syn.value(u"seq").toInteger(), 4294967280);
        QCOMPARE(syn.value(u"ack").toInteger(), 0);
        QCOMPARE(syn.value(u"len").toInteger(), 0);
        QCOMPARE(syn.value(u"win").toInteger(), 64240);
        QCOMPARE(syn.value(u"sport").toInteger(), kClientPort);
        QCOMPARE(syn.value(u"dport").toInteger(), kServerPort);
        QCOMPARE(syn.value(u"retransmission").toBool(true), false);
        QCOMPARE(QByteArray::fromBase64(syn.value(u"raw").toString().toLatin1()),
                 trace.packet(trace.at(g.syn)).toByteArray());
        QCOMPARE(syn.value(u"options").toObject(),
                 QJsonObject({{QStringLiteral("mss"), 1460},
                              {QStringLiteral("sack_perm"), true},
                              {QStringLiteral("ts_val"), 100},
                              {QStringLiteral("ts_ecr"), 0},
                              {QStringLiteral("wscale"), 7}}));
        QCOMPARE(eventOf(json, g.synAck).value(u"options")[u"mss"].toInt(), 1400);
        QCOMPARE(eventOf(json, g.sack).value(u"options")[u"sack"].toArray(),
                 QJsonArray({QJsonArray {9, 14}, QJsonArray {Q_INT64_C(4294967280), Q_INT64_C(4294967295)}}));

        QCOMPARE(eventOf(json, g.synState).value(u"state").toString(), QStringLiteral("SYN_SENT"));
        QCOMPARE(eventOf(json, g.synState).value(u"inferred").toBool(), true);
        const QJsonObject drop = eventOf(json, g.synCopyDrop);
        QCOMPARE(drop.value(u"kind").toString(), QStringLiteral("drop"));
        QCOMPARE(drop.value(u"of").toInteger(), g.syn);
        QCOMPARE(drop.value(u"copy").toBool(), true);
        QVERIFY(!drop.contains(u"raw"));
        QVERIFY(!drop.contains(u"reordered"));
        QCOMPARE(drop.value(u"seq").toInteger(), 4294967280);
        QCOMPARE(eventOf(json, g.synRetransmission).value(u"retransmission").toBool(), true);
        const QJsonObject resentDelivery = eventOf(json, g.synRetransmissionDelivery);
        QCOMPARE(resentDelivery.value(u"retransmission").toBool(), true);
        QCOMPARE(resentDelivery.value(u"of").toInteger(), g.synRetransmission);
        QCOMPARE(eventOf(json, g.reorderedDelivery).value(u"reordered").toBool(), true);
        QCOMPARE(eventOf(json, g.copyDelivery).value(u"copy").toBool(), true);
        QCOMPARE(eventOf(json, g.copyDelivery).value(u"reordered").toBool(), true);

        const QJsonObject connected = eventOf(json, g.connectReturn);
        QCOMPARE(connected.value(u"kind").toString(), QStringLiteral("return"));
        QCOMPARE(connected.value(u"fn").toString(), QStringLiteral("connect"));
        QCOMPARE(connected.value(u"result").toInteger(-1), 0);
        QCOMPARE(connected.value(u"call").toInteger(), 3);
        QVERIFY(!connected.contains(u"errno"));
        const QJsonObject qt = eventOf(json, g.qtReturn);
        QVERIFY(!qt.contains(u"result"));
        QCOMPARE(qt.value(u"errno").toString(), QStringLiteral("ECONNREFUSED"));
        QCOMPARE(qt.value(u"detail").toString(), QStringLiteral("QAbstractSocket::ConnectionRefusedError"));
        QCOMPARE(eventOf(json, g.unnamedErrno).value(u"errno").toString(), QStringLiteral("errno 1234"));
        QCOMPARE(eventOf(json, g.readyRead).value(u"kind").toString(), QStringLiteral("signal"));
        QCOMPARE(eventOf(json, g.readyRead).value(u"args").toObject(), QJsonObject({{QStringLiteral("socket"), 1}}));

        const QJsonObject keepalive = eventOf(json, g.keepalive);
        QCOMPARE(keepalive.value(u"timer").toString(), QStringLiteral("keepalive"));
        QCOMPARE(keepalive.value(u"expires_ms").toInteger(), 4294967295);
        QCOMPARE(keepalive.value(u"retransmits").toInteger(), 4294967295);
        QCOMPARE(keepalive.value(u"sport").toInteger(), kServerPort);

        const QJsonObject last = eventOf(json, g.last);
        QCOMPARE(last.value(u"t_ns").toInteger(), std::numeric_limits<qint64>::max());
        QCOMPARE(last.value(u"result").toInteger(), std::numeric_limits<qint64>::min());
        QCOMPARE(last.value(u"errno").toString(), QStringLiteral("EPIPE"));
    }

    void emptyTrace()
    {
        Trace empty;
        const QByteArray json = TraceJson::save(empty);
        QCOMPARE(topOf(json).value(u"anchor"), QJsonValue(QJsonValue::Null)); // no clock was ever started
        QCOMPARE(topOf(json).value(u"events").toArray().size(), 0);
        QCOMPARE(topOf(json).value(u"scenario"), QJsonValue(QJsonValue::Null));
        QCOMPARE(topOf(json).value(u"steps"), QJsonValue(QJsonArray()));
        Trace loaded;
        QString error;
        QVERIFY2(TraceJson::load(json, loaded, &error), qPrintable(error));
        QVERIFY(loaded.isEmpty());
        QVERIFY(loaded.info() == empty.info());
        QCOMPARE(TraceJson::save(loaded), json);
    }

    // A signal Qt emitted inside one of its calls is kept by order: between a Qt call and its
    // return on the same side. Loaded, its record names that call again; no field is written.
    void signalNestingByOrder()
    {
        Trace trace;
        TraceInfo info;
        info.source = QStringLiteral("generated");
        trace.setInfo(info);
        const auto call = [&](Side side, EventKind kind, const QString &fn, qint64 callEvent = -1) {
            CallRecord r;
            r.fn = fn;
            r.callEvent = callEvent;
            return trace.appendCall(trace.size() + 1, side, kind, r);
        };
        const qsizetype disconnect =
            call(Side::Client, EventKind::Call, QStringLiteral("QTcpSocket::disconnectFromHost"));
        const qsizetype inside = call(Side::Client, EventKind::Signal, QStringLiteral("disconnected"), disconnect);
        const qsizetype other = call(Side::Server, EventKind::Signal, QStringLiteral("readyRead")); // other side
        call(Side::Client, EventKind::Return, QStringLiteral("QTcpSocket::disconnectFromHost"), disconnect);
        const qsizetype after = call(Side::Client, EventKind::Signal, QStringLiteral("errorOccurred"));
        const qsizetype read = call(Side::Server, EventKind::Call, QStringLiteral("read")); // BSD: may block
        const qsizetype bsd = call(Side::Server, EventKind::Signal, QStringLiteral("readyRead"));
        call(Side::Server, EventKind::Return, QStringLiteral("read"), read);

        const QByteArray json = TraceJson::save(trace);
        QVERIFY(!eventOf(json, inside).contains(u"call"));
        Trace loaded;
        QString error;
        QVERIFY2(TraceJson::load(json, loaded, &error), qPrintable(error));
        QCOMPARE(loaded.callRecord(loaded.at(inside)).callEvent, disconnect);
        QCOMPARE(loaded.callRecord(loaded.at(other)).callEvent, -1);
        QCOMPARE(loaded.callRecord(loaded.at(after)).callEvent, -1);
        QCOMPARE(loaded.callRecord(loaded.at(bsd)).callEvent, -1);
        for (qsizetype i = 0; i < trace.size(); ++i)
            QCOMPARE(loaded.callRecord(loaded.at(i)), trace.callRecord(trace.at(i)));
        QCOMPARE(TraceJson::save(loaded), json);
    }

    // What a file may say about steps: each row's steps load as written and save back the same.
    void stepsLoad_data()
    {
        QTest::addColumn<QJsonArray>("steps");
        const auto step = [](int event, const QString &caption) {
            return QJsonObject {{QStringLiteral("event"), event}, {QStringLiteral("caption"), caption}};
        };
        // smallTrace() has 7 events.
        QTest::newRow("none") << QJsonArray {};
        QTest::newRow("one at the first event") << QJsonArray {step(0, QStringLiteral("all of it"))};
        QTest::newRow("starting later") << QJsonArray {step(3, QStringLiteral("the SYN-ACK onwards"))};
        QTest::newRow("sharing a first event")
            << QJsonArray {step(0, QStringLiteral("a")), step(2, QStringLiteral("nothing")),
                           step(2, QStringLiteral("b")), step(6, QStringLiteral("c"))};
        QTest::newRow("last one past the last event")
            << QJsonArray {step(0, QStringLiteral("a")), step(7, QStringLiteral("made no event"))};
        QTest::newRow("all past the last event")
            << QJsonArray {step(7, QStringLiteral("a")), step(7, QStringLiteral("b"))};
    }

    void stepsLoad()
    {
        QFETCH(QJsonArray, steps);
        const QByteArray json = changeTop(smallTrace(), [&](QJsonObject &t) { t.insert(u"steps", steps); });
        Trace trace;
        QString error;
        QVERIFY2(TraceJson::load(json, trace, &error), qPrintable(error));
        QCOMPARE(trace.size(), 7);
        QCOMPARE(qsizetype(trace.steps().size()), steps.size());
        for (qsizetype k = 0; k < steps.size(); ++k) {
            QCOMPARE(trace.steps()[size_t(k)].firstEvent, steps.at(k)[u"event"].toInteger());
            QCOMPARE(trace.steps()[size_t(k)].caption, steps.at(k)[u"caption"].toString());
        }
        QCOMPARE(TraceJson::save(trace), json);
    }

    // Files from before version 3 load as they always did: no scenario, no steps. Saved again they
    // are files of the current version with "scenario": null and "steps": [].
    void olderVersionsLoad_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("version 1") << 1;
        QTest::newRow("version 2") << 2;
    }

    void olderVersionsLoad()
    {
        QFETCH(int, version);
        const QByteArray current = smallTrace();
        QVERIFY(topOf(current).value(u"scenario").isNull());
        QCOMPARE(topOf(current).value(u"steps"), QJsonValue(QJsonArray()));
        const QByteArray older = changeTop(current, [&](QJsonObject &t) {
            t.insert(u"version", version);
            t.remove(u"scenario");
            t.remove(u"steps");
        });
        Trace trace;
        QString error;
        // Content beforehand, steps and scenario included: none of it may be left over.
        Trace generated;
        buildGenerated(generated);
        QVERIFY2(TraceJson::load(TraceJson::save(generated), trace, &error), qPrintable(error));
        QVERIFY(!trace.steps().empty());
        QVERIFY2(TraceJson::load(older, trace, &error), qPrintable(error));
        QCOMPARE(trace.size(), 7);
        QVERIFY(trace.steps().empty());
        QVERIFY(trace.info().scenarioId.isEmpty());
        QVERIFY(trace.info().scenarioTitle.isEmpty());
        QVERIFY(trace.info().scenarioDescription.isEmpty());
        QCOMPARE(TraceJson::save(trace), current);
    }

    // Version 5's queues events: a listener's and a connection's, with and without the values an
    // older kernel leaves out, come back as they were saved, and save to the same bytes.
    void queuesRoundTrip()
    {
        Trace original;
        buildGenerated(original);
        const qint64 t = original.at(original.size() - 1).tNs;
        SocketQueues listener;
        listener.listener = true;
        listener.acceptQueue = 1;
        listener.backlog = 5;
        listener.synQueue = 2;
        original.appendQueues(t, Side::Server, 9877, 0, listener);
        SocketQueues full;
        full.sendQueue = 1448;
        full.recvQueue = 3;
        full.peerWindow = 65160;
        full.recvWindow = 64240;
        full.cwnd = 10;
        full.rtoUs = 204000;
        full.has = SocketQueues::PeerWindow | SocketQueues::RecvWindow | SocketQueues::Cwnd | SocketQueues::Rto;
        original.appendQueues(t, Side::Client, 40000, 9877, full);
        SocketQueues older; // a kernel before 5.4: no windows
        older.sendQueue = 0;
        older.recvQueue = 4294967295u;
        older.cwnd = 1;
        older.rtoUs = 1000000;
        older.has = SocketQueues::Cwnd | SocketQueues::Rto;
        original.appendQueues(t, Side::Server, 9877, 40000, older);

        const QByteArray first = TraceJson::save(original);
        Trace loaded;
        QString error;
        QVERIFY2(TraceJson::load(first, loaded, &error), qPrintable(error));
        compareTraces(loaded, original);
        QCOMPARE(TraceJson::save(loaded), first);

        // What a reader of the file sees.
        const QJsonArray events = topOf(first).value(u"events").toArray();
        const qsizetype n = events.size();
        const QJsonObject l = events.at(n - 3).toObject();
        QCOMPARE(l.keys(),
                 QStringList({u"accept_queue"_s, u"backlog"_s, u"dport"_s, u"kind"_s, u"side"_s, u"sport"_s,
                              u"syn_queue"_s, u"t_ns"_s}));
        QCOMPARE(l.value(u"kind").toString(), u"queues"_s);
        QCOMPARE(l.value(u"accept_queue").toInt(), 1);
        QCOMPARE(l.value(u"backlog").toInt(), 5);
        QCOMPARE(l.value(u"syn_queue").toInt(), 2);
        const QJsonObject c = events.at(n - 2).toObject();
        QCOMPARE(c.value(u"send_queue").toInt(), 1448);
        QCOMPARE(c.value(u"peer_window").toInt(), 65160);
        QCOMPARE(c.value(u"recv_window").toInt(), 64240);
        QCOMPARE(c.value(u"rto_us").toInt(), 204000);
        const QJsonObject o = events.at(n - 1).toObject();
        QVERIFY(!o.contains(u"peer_window") && !o.contains(u"recv_window"));
        QCOMPARE(o.value(u"recv_queue").toInteger(), qint64(4294967295u));

        // The same trace without them: a trace with no queues events is as before, but version 5.
        Trace without;
        buildGenerated(without);
        const QByteArray plain = TraceJson::save(without);
        QVERIFY(!plain.contains("\"queues\""));
        QVERIFY2(TraceJson::load(plain, loaded, &error), qPrintable(error));
        compareTraces(loaded, without);
        QCOMPARE(TraceJson::save(loaded), plain);
    }

    // Older versions cannot have queues events; a queues event must be one of the two forms.
    void queuesMalformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        Trace trace;
        buildGenerated(trace);
        SocketQueues q;
        q.sendQueue = 5;
        trace.appendQueues(trace.at(trace.size() - 1).tNs, Side::Client, 40000, 9877, q);
        const QByteArray good = TraceJson::save(trace);
        const qsizetype last = trace.size() - 1;
        const QString at = u"events[%1]."_s.arg(last);
        QTest::newRow("in a version 4 file") << changeTop(good, [](QJsonObject &t) { t.insert(u"version", 4); })
                                             << at + u"kind: a queues event needs version 5 or later, not 4"_s;
        QTest::newRow("no send_queue") << changeEvent(good, last, [](QJsonObject &e) { e.remove(u"send_queue"); })
                                       << at + u"send_queue: missing"_s;
        QTest::newRow("listener key in a connection")
            << changeEvent(good, last, [](QJsonObject &e) { e.insert(u"backlog", 5); }) << at + u"backlog"_s;
        QTest::newRow("listener without backlog") << changeEvent(good, last, [](QJsonObject &e) {
            e.insert(u"accept_queue", 0);
            e.insert(u"syn_queue", 0);
            e.remove(u"send_queue");
            e.remove(u"recv_queue");
        }) << at + u"backlog: missing"_s;
        QTest::newRow("negative cwnd") << changeEvent(good, last, [](QJsonObject &e) { e.insert(u"cwnd", -1); })
                                       << at + u"cwnd: expected an integer from 0 to 4294967295, got -1"_s;
    }

    void queuesMalformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        Trace trace;
        QString got;
        QVERIFY(!TraceJson::load(json, trace, &got));
        QVERIFY2(got.startsWith(error), qPrintable(got));
        QVERIFY(trace.isEmpty());
    }

    // A failed load leaves no steps behind either.
    void failedLoadClearsSteps()
    {
        Trace generated;
        buildGenerated(generated);
        Trace trace;
        QString error;
        QVERIFY2(TraceJson::load(TraceJson::save(generated), trace, &error), qPrintable(error));
        QCOMPARE(trace.steps().size(), size_t(6));
        QVERIFY(!TraceJson::load(changeTop(TraceJson::save(generated),
                                           [](QJsonObject &t) {
                                               t.insert(
                                                   u"steps",
                                                   QJsonArray {QJsonObject {{QStringLiteral("event"), -1},
                                                                            {QStringLiteral("caption"), QString()}}});
                                           }),
                                 trace, &error));
        QCOMPARE(error,
                 QStringLiteral("steps[0].event: expected an integer from 0 to %1, got -1").arg(generated.size()));
        QVERIFY(isEmpty(trace));
        QVERIFY(trace.steps().empty());
    }

    // An anchor with an offset names the same instant; it is written back in UTC.
    void anchorWithOffset()
    {
        const QByteArray json = smallTrace();
        QCOMPARE(topOf(json).value(u"anchor").toString(), QStringLiteral("2024-05-01T08:00:00.000Z"));
        const QByteArray shifted = changeTop(
            json, [](QJsonObject &top) { top.insert(u"anchor", QStringLiteral("2024-05-01T10:00:00.000+02:00")); });
        Trace trace;
        QString error;
        QVERIFY2(TraceJson::load(shifted, trace, &error), qPrintable(error));
        QCOMPARE(trace.info().wallClockOrigin, QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC));
        QCOMPARE(TraceJson::save(trace), json);
    }

    // The options are a reading aid computed from raw: edits to them change nothing.
    void optionsAreDerived()
    {
        const QByteArray json = smallTrace();
        const QByteArray edited =
            setField(json, 1, QStringLiteral("options"),
                     QJsonObject {{QStringLiteral("mss"), 9000}, {QStringLiteral("bogus"), true}});
        Trace trace;
        QString error;
        QVERIFY2(TraceJson::load(edited, trace, &error), qPrintable(error));
        QCOMPARE(TraceJson::save(trace), json);
        QCOMPARE(eventOf(json, 1).value(u"options")[u"mss"].toInt(), 1460);
    }

    // A trace the lab recorded on the kernels of this machine, through the app's command line.
    void labTrace()
    {
        const QString app = qEnvironmentVariable("SYNSCOPE_APP");
        if (app.isEmpty()) QSKIP("SYNSCOPE_APP is not set; run the test through ctest");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("teardown.json"));
        QProcess process;
        process.start(app,
                      {QStringLiteral("--scenario"), QStringLiteral("teardown"), QStringLiteral("--export"), path});
        QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
        QVERIFY(process.waitForFinished(120000));
        const QString output = QString::fromLocal8Bit(process.readAllStandardError());
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            const QString why = QStringLiteral("synscope exited with %1: %2").arg(process.exitCode()).arg(output);
            if (!output.contains(u"the lab cannot run here") || qEnvironmentVariable("CI") == u"true")
                QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        Trace trace;
        QString error;
        QVERIFY2(TraceJson::load(json, trace, &error), qPrintable(error));
        QCOMPARE(TraceJson::save(trace), json);

        const QJsonObject top = topOf(json);
        QCOMPARE(top.value(u"source").toString(), QStringLiteral("lab"));
        QVERIFY(top.value(u"events").isArray());
        QVERIFY(QDateTime::fromString(top.value(u"anchor").toString(), Qt::ISODateWithMs).isValid());
        int syns = 0;
        int fins = 0;
        for (const QJsonValue &v : top.value(u"events").toArray()) {
            if (v[u"kind"].toString() != u"send") continue;
            const QJsonArray flags = v[u"flags"].toArray();
            syns += flags.contains(QStringLiteral("SYN")) ? 1 : 0;
            fins += flags.contains(QStringLiteral("FIN")) ? 1 : 0;
            QVERIFY(v[u"raw"].isString());
        }
        QVERIFY2(syns >= 2, "the client's SYN and the server's SYN-ACK");
        QVERIFY2(fins >= 2, "a FIN from each side");

        // The recording says which scenario it ran, and where each of its steps begins.
        QCOMPARE(top.value(u"scenario")[u"id"].toString(), QStringLiteral("teardown"));
        QCOMPARE(trace.info().scenarioId, QStringLiteral("teardown"));
        QVERIFY(!trace.info().scenarioTitle.isEmpty());
        QVERIFY(trace.steps().size() >= 2);
        for (const TraceStep &step : trace.steps())
            QVERIFY(!step.caption.isEmpty());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("place");

        const QByteArray good = smallTrace();
        const QJsonObject syn = eventOf(good, 1);
        const qint64 synSeq = syn.value(u"seq").toInteger();

        QTest::newRow("syntax, line 1") << QByteArray(R"({"format" "synscope-trace"})")
                                        << QStringLiteral("line 1, column");
        QTest::newRow("syntax, line 3") << QByteArray("{\n  \"format\": \"synscope-trace\",\n  \"version\": 1,,\n}")
                                        << QStringLiteral("line 3, column");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("line 1, column 1");
        QTest::newRow("trailing garbage") << QByteArray(good + "x") << QStringLiteral("column");
        QTest::newRow("top level array") << QByteArray("[]") << QStringLiteral("top level: expected an object");
        QTest::newRow("wrong format") << changeTop(good, [](QJsonObject &t) {
            t.insert(u"format", QStringLiteral("pcap"));
        }) << QStringLiteral("format: expected \"synscope-trace\", got \"pcap\"");
        QTest::newRow("no format") << changeTop(good, [](QJsonObject &t) { t.remove(u"format"); })
                                   << QStringLiteral("format: missing");
        QTest::newRow("version 6") << changeTop(good, [](QJsonObject &t) {
            t.insert(u"version", 6);
        }) << QStringLiteral("version: unsupported version 6; this SynScope reads versions 1 to 5");
        // Version 5: host settings changed while recording.
        const QJsonArray change {QJsonObject {{u"event"_s, 2},
                                              {u"t_ns"_s, 5},
                                              {u"side"_s, u"client"_s},
                                              {u"key"_s, u"net.ipv4.tcp_sack"_s},
                                              {u"from"_s, u"1"_s},
                                              {u"to"_s, u"0"_s}}};
        QTest::newRow("settings in a version 4 file") << changeTop(good, [&](QJsonObject &t) {
            t.insert(u"version", 4);
            t.insert(u"settings", change);
        }) << QStringLiteral("settings: unknown field for a trace in a version 4 file");
        QTest::newRow("setting past the last event") << changeTop(good, [&](QJsonObject &t) {
            QJsonArray c = change;
            QJsonObject o = c.at(0).toObject();
            o.insert(u"event", 8);
            c.replace(0, o);
            t.insert(u"settings", c);
        }) << QStringLiteral("settings[0].event: expected an integer from 0 to 7, got 8");
        QTest::newRow("setting of no host") << changeTop(good, [&](QJsonObject &t) {
            QJsonArray c = change;
            QJsonObject o = c.at(0).toObject();
            o.insert(u"side", u"router"_s);
            c.replace(0, o);
            t.insert(u"settings", c);
        }) << QStringLiteral("settings[0].side: expected \"client\" or \"server\", got \"router\"");
        QTest::newRow("version 0") << changeTop(good, [](QJsonObject &t) { t.insert(u"version", 0); })
                                   << QStringLiteral("version: unsupported version 0");
        QTest::newRow("version as string")
            << changeTop(good, [](QJsonObject &t) { t.insert(u"version", QStringLiteral("1")); })
            << QStringLiteral("version: expected an integer");
        QTest::newRow("no version") << changeTop(good, [](QJsonObject &t) { t.remove(u"version"); })
                                    << QStringLiteral("version: missing");
        QTest::newRow("unknown top-level field")
            << changeTop(good, [](QJsonObject &t) { t.insert(u"comment", QStringLiteral("hi")); })
            << QStringLiteral("comment: unknown field");
        QTest::newRow("unknown source") << changeTop(good, [](QJsonObject &t) {
            t.insert(u"source", QStringLiteral("dream"));
        }) << QStringLiteral("source: expected");
        QTest::newRow("wrong clock") << changeTop(good, [](QJsonObject &t) {
            t.insert(u"clock", QStringLiteral("realtime"));
        }) << QStringLiteral("clock: expected \"monotonic\"");
        QTest::newRow("anchor not a time")
            << changeTop(good, [](QJsonObject &t) { t.insert(u"anchor", QStringLiteral("yesterday")); })
            << QStringLiteral("anchor: expected");
        QTest::newRow("anchor without zone")
            << changeTop(good, [](QJsonObject &t) { t.insert(u"anchor", QStringLiteral("2024-05-01T08:00:00.000")); })
            << QStringLiteral("anchor: expected");
        QTest::newRow("no server address") << changeTop(good, [](QJsonObject &t) {
            t.insert(u"endpoints", QJsonObject {{QStringLiteral("client"), t.value(u"endpoints")[u"client"]}});
        }) << QStringLiteral("endpoints.server: missing");
        QTest::newRow("address a number") << changeTop(good, [](QJsonObject &t) {
            QJsonObject endpoints = t.value(u"endpoints").toObject();
            endpoints.insert(u"client", QJsonObject {{QStringLiteral("address"), 10}});
            t.insert(u"endpoints", endpoints);
        }) << QStringLiteral("endpoints.client.address: expected a string, got 10");
        QTest::newRow("no events") << changeTop(good, [](QJsonObject &t) { t.remove(u"events"); })
                                   << QStringLiteral("events: missing; expected an array");
        QTest::newRow("events an object")
            << changeTop(good, [](QJsonObject &t) { t.insert(u"events", QJsonObject {}); })
            << QStringLiteral("events: expected an array, got an object");
        QTest::newRow("event not an object") << changeTop(good, [](QJsonObject &t) {
            QJsonArray events = t.value(u"events").toArray();
            events.replace(1, 5);
            t.insert(u"events", events);
        }) << QStringLiteral("events[1]: expected an object, got 5");
        QTest::newRow("unknown kind") << setField(good, 1, QStringLiteral("kind"), QStringLiteral("teleport"))
                                      << QStringLiteral("events[1].kind: unknown event kind \"teleport\"");
        QTest::newRow("no kind") << setField(good, 4, QStringLiteral("kind"), kRemove)
                                 << QStringLiteral("events[4].kind: missing");
        QTest::newRow("no side") << setField(good, 1, QStringLiteral("side"), kRemove)
                                 << QStringLiteral("events[1].side: missing");
        QTest::newRow("unknown side") << setField(good, 0, QStringLiteral("side"), QStringLiteral("middle"))
                                      << QStringLiteral(
                                             "events[0].side: expected \"client\" or \"server\", got \"middle\"");
        QTest::newRow("no t_ns") << setField(good, 2, QStringLiteral("t_ns"), kRemove)
                                 << QStringLiteral("events[2].t_ns: missing");
        QTest::newRow("negative t_ns") << setField(good, 0, QStringLiteral("t_ns"), -1)
                                       << QStringLiteral("events[0].t_ns: expected an integer from 0 to");
        QTest::newRow("fractional t_ns") << setField(good, 1, QStringLiteral("t_ns"), 150.5)
                                         << QStringLiteral("events[1].t_ns: expected an integer");
        QTest::newRow("t_ns as string") << setField(good, 1, QStringLiteral("t_ns"), QStringLiteral("200"))
                                        << QStringLiteral("events[1].t_ns: expected an integer");
        QTest::newRow("t_ns going back") << setField(good, 3, QStringLiteral("t_ns"), 250)
                                         << QStringLiteral(
                                                "events[3].t_ns: 250 is earlier than the previous event's 300");
        QTest::newRow("seq above 32 bits")
            << setField(good, 1, QStringLiteral("seq"), qint64(1) << 32)
            << QStringLiteral("events[1].seq: expected an integer from 0 to 4294967295, got 4294967296");
        QTest::newRow("fractional seq") << setField(good, 2, QStringLiteral("seq"), 1000.5)
                                        << QStringLiteral("events[2].seq: expected an integer from 0 to 4294967295");
        QTest::newRow("negative ack") << setField(good, 3, QStringLiteral("ack"), -1)
                                      << QStringLiteral("events[3].ack: expected an integer from 0 to 4294967295");
        QTest::newRow("window above 16 bits") << setField(good, 3, QStringLiteral("win"), 65536)
                                              << QStringLiteral("events[3].win: expected an integer from 0 to 65535");
        QTest::newRow("unknown flag") << setField(good, 1, QStringLiteral("flags"), QJsonArray {QStringLiteral("SYNN")})
                                      << QStringLiteral("events[1].flags[0]: expected one of SYN");
        QTest::newRow("flag twice") << setField(
            good, 3, QStringLiteral("flags"),
            QJsonArray {QStringLiteral("SYN"), QStringLiteral("ACK"), QStringLiteral("SYN")})
                                    << QStringLiteral("events[3].flags[2]: \"SYN\" given twice");
        QTest::newRow("flags not an array") << setField(good, 1, QStringLiteral("flags"), QStringLiteral("SYN"))
                                            << QStringLiteral("events[1].flags: expected an array");
        QTest::newRow("no retransmission field") << setField(good, 1, QStringLiteral("retransmission"), kRemove)
                                                 << QStringLiteral("events[1].retransmission: missing");
        QTest::newRow("of out of range") << setField(
            good, 2, QStringLiteral("of"),
            99) << QStringLiteral("events[2].of: expected the index of an earlier send event (0 to 1), got 99");
        QTest::newRow("of pointing forward")
            << setField(good, 2, QStringLiteral("of"), 3)
            << QStringLiteral("events[2].of: expected the index of an earlier send event");
        QTest::newRow("of at itself") << setField(good, 2, QStringLiteral("of"), 2)
                                      << QStringLiteral("events[2].of: expected");
        QTest::newRow("of a call") << setField(good, 2, QStringLiteral("of"), 0)
                                   << QStringLiteral("events[2].of: events[0] is a call event, not a send");
        QTest::newRow("no of") << setField(good, 2, QStringLiteral("of"), kRemove)
                               << QStringLiteral("events[2].of: missing");
        QTest::newRow("deliver differs from its send")
            << setField(good, 2, QStringLiteral("seq"), synSeq + 1)
            << QStringLiteral("events[2].seq: 1001 does not match the send it refers to (events[1]), which has 1000");
        QTest::newRow("deliver on the other side")
            << setField(good, 2, QStringLiteral("side"), QStringLiteral("server"))
            << QStringLiteral("events[2].side: server does not match the send");
        QTest::newRow("deliver with raw") << setField(good, 2, QStringLiteral("raw"), syn.value(u"raw"))
                                          << QStringLiteral("events[2].raw: unknown field for a deliver event");
        QTest::newRow("send differs from raw")
            << setField(good, 1, QStringLiteral("seq"), synSeq + 1)
            << QStringLiteral("events[1].seq: 1001 does not match the packet in raw, which has 1000");
        QTest::newRow("send flags differ from raw")
            << setField(good, 1, QStringLiteral("flags"), QJsonArray {QStringLiteral("FIN")})
            << QStringLiteral("events[1].flags: [FIN] does not match the packet in raw, which has [SYN]");
        QTest::newRow("raw not base64") << setField(good, 1, QStringLiteral("raw"), QStringLiteral("RQAA*AAA"))
                                        << QStringLiteral("events[1].raw: not valid base64");
        QTest::newRow("raw not latin-1") << setField(good, 1, QStringLiteral("raw"), QStringLiteral("RQAAü"))
                                         << QStringLiteral("events[1].raw: not valid base64");
        QTest::newRow("raw not a packet") << setField(good, 1, QStringLiteral("raw"), QStringLiteral("aGVsbG8="))
                                          << QStringLiteral("events[1].raw: not an IP/TCP packet: truncated packet");
        QTest::newRow("raw empty") << setField(good, 1, QStringLiteral("raw"), QStringLiteral(""))
                                   << QStringLiteral("events[1].raw: not an IP/TCP packet: truncated packet");
        const QByteArray synBytes = QByteArray::fromBase64(syn.value(u"raw").toString().toLatin1());
        QTest::newRow("raw truncated") << setField(good, 1, QStringLiteral("raw"),
                                                   QString::fromLatin1(synBytes.left(30).toBase64()))
                                       << QStringLiteral("events[1].raw: not an IP/TCP packet: truncated packet");
        QTest::newRow("raw too long") << setField(
            good, 1, QStringLiteral("raw"),
            QString::fromLatin1(QByteArray(synBytes + QByteArray(140000, 0)).toBase64()))
                                      << QStringLiteral("events[1].raw: 140060 bytes");
        QTest::newRow("no raw") << setField(good, 1, QStringLiteral("raw"), kRemove)
                                << QStringLiteral("events[1].raw: missing");
        QTest::newRow("unknown state") << setField(good, 4, QStringLiteral("state"), QStringLiteral("SYN_RECV"))
                                       << QStringLiteral("events[4].state: expected a TCP state");
        QTest::newRow("port above 16 bits") << setField(good, 4, QStringLiteral("sport"), 70000)
                                            << QStringLiteral("events[4].sport: expected an integer from 0 to 65535");
        QTest::newRow("inferred not a bool") << setField(good, 4, QStringLiteral("inferred"), 1)
                                             << QStringLiteral("events[4].inferred: expected true or false, got 1");
        QTest::newRow("unknown errno") << setField(good, 5, QStringLiteral("errno"), QStringLiteral("EWHATEVER"))
                                       << QStringLiteral("events[5].errno: unknown errno name \"EWHATEVER\"");
        QTest::newRow("errno as number") << setField(good, 5, QStringLiteral("errno"), 111)
                                         << QStringLiteral("events[5].errno: expected a string, got 111");
        QTest::newRow("return of a send") << setField(good, 5, QStringLiteral("call"), 1)
                                          << QStringLiteral("events[5].call: events[1] is a send event, not a call");
        QTest::newRow("return of a later event")
            << setField(good, 5, QStringLiteral("call"), 6)
            << QStringLiteral("events[5].call: expected the index of an earlier call event (0 to 4), got 6");
        QTest::newRow("return without call")
            << setField(good, 5, QStringLiteral("call"), kRemove) << QStringLiteral("events[5].call: missing");
        QTest::newRow("return of the other side's call")
            << setField(good, 0, QStringLiteral("side"), QStringLiteral("server"))
            << QStringLiteral("events[5].call: events[0] is a call on the server");
        QTest::newRow("call with a call field") << setField(good, 0, QStringLiteral("call"), 0)
                                                << QStringLiteral("events[0].call: unknown field for a call event");
        QTest::newRow("args not an object") << setField(good, 0, QStringLiteral("args"), QJsonArray {})
                                            << QStringLiteral("events[0].args: expected an object, got an array");
        QTest::newRow("fractional result") << setField(good, 5, QStringLiteral("result"), 0.5)
                                           << QStringLiteral("events[5].result: expected an integer");
        QTest::newRow("unknown timer") << setField(good, 6, QStringLiteral("timer"), QStringLiteral("egg"))
                                       << QStringLiteral("events[6].timer: expected a timer kind");
        QTest::newRow("expiry above 32 bits")
            << setField(good, 6, QStringLiteral("expires_ms"), 1e10)
            << QStringLiteral("events[6].expires_ms: expected an integer from 0 to 4294967295, got 10000000000");

        // Steps and scenario (version 3); `good` has 7 events, no steps and no scenario.
        const auto step = [](const QJsonValue &event, const QJsonValue &caption) {
            QJsonObject o {{QStringLiteral("event"), event}, {QStringLiteral("caption"), caption}};
            for (const QString &key : o.keys()) {
                if (o.value(key).isUndefined()) o.remove(key);
            }
            return o;
        };
        const auto withSteps = [&](const QJsonValue &steps) {
            return changeTop(good, [&](QJsonObject &t) {
                if (steps.isUndefined())
                    t.remove(u"steps");
                else
                    t.insert(u"steps", steps);
            });
        };
        const QString a = QStringLiteral("a");
        QTest::newRow("no steps") << withSteps(kRemove) << QStringLiteral("steps: missing; expected an array");
        QTest::newRow("steps null") << withSteps(QJsonValue::Null)
                                    << QStringLiteral("steps: expected an array, got null");
        QTest::newRow("steps an object") << withSteps(QJsonObject {})
                                         << QStringLiteral("steps: expected an array, got an object");
        QTest::newRow("step not an object")
            << withSteps(QJsonArray {step(0, a), 5}) << QStringLiteral("steps[1]: expected an object, got 5");
        QTest::newRow("step without event")
            << withSteps(QJsonArray {step(kRemove, a)})
            << QStringLiteral("steps[0].event: missing; expected an integer from 0 to 7");
        QTest::newRow("step event negative")
            << withSteps(QJsonArray {step(-1, a)})
            << QStringLiteral("steps[0].event: expected an integer from 0 to 7, got -1");
        QTest::newRow("step event fractional")
            << withSteps(QJsonArray {step(1.5, a)})
            << QStringLiteral("steps[0].event: expected an integer from 0 to 7, got 1.5");
        QTest::newRow("step event a string")
            << withSteps(QJsonArray {step(QStringLiteral("2"), a)})
            << QStringLiteral("steps[0].event: expected an integer from 0 to 7, got \"2\"");
        QTest::newRow("step event past the last event")
            << withSteps(QJsonArray {step(0, a), step(8, a)})
            << QStringLiteral("steps[1].event: 8 is past the last event (7 events)");
        QTest::newRow("step event far past the last event")
            << withSteps(QJsonArray {step(1e15, a)})
            << QStringLiteral("steps[0].event: 1000000000000000 is past the last event (7 events)");
        QTest::newRow("step past a one-event trace") << changeTop(good, [&](QJsonObject &t) {
            t.insert(u"events", QJsonArray {t.value(u"events")[0]});
            t.insert(u"steps", QJsonArray {step(2, a)});
        }) << QStringLiteral("steps[0].event: 2 is past the last event (1 event)");
        QTest::newRow("step in an empty trace") << changeTop(good, [&](QJsonObject &t) {
            t.insert(u"events", QJsonArray {});
            t.insert(u"steps", QJsonArray {step(0, a), step(1, a)});
        }) << QStringLiteral("steps[1].event: 1 is past the last event (0 events)");
        QTest::newRow("steps going back") << withSteps(QJsonArray {step(0, a), step(5, a), step(5, a), step(3, a)})
                                          << QStringLiteral("steps[3].event: must not be less than steps[2].event (5)");
        QTest::newRow("step without caption") << withSteps(QJsonArray {step(0, kRemove)})
                                              << QStringLiteral("steps[0].caption: missing; expected a string");
        QTest::newRow("caption a number") << withSteps(QJsonArray {step(0, a), step(1, 5)})
                                          << QStringLiteral("steps[1].caption: expected a string, got 5");
        QTest::newRow("caption null") << withSteps(QJsonArray {step(0, QJsonValue::Null)})
                                      << QStringLiteral("steps[0].caption: expected a string, got null");
        QTest::newRow("unknown step field") << withSteps(QJsonArray {
            QJsonObject {{QStringLiteral("event"), 0}, {QStringLiteral("caption"), a}, {QStringLiteral("t_ns"), 100}}})
                                            << QStringLiteral("steps[0].t_ns: unknown field for a step");

        const auto withScenario = [&](const QJsonValue &scenario) {
            return changeTop(good, [&](QJsonObject &t) {
                if (scenario.isUndefined())
                    t.remove(u"scenario");
                else
                    t.insert(u"scenario", scenario);
            });
        };
        const QJsonObject scenario {{QStringLiteral("id"), QStringLiteral("teardown")},
                                    {QStringLiteral("title"), QStringLiteral("Teardown")},
                                    {QStringLiteral("description"), QString()}};
        const auto changeScenario = [&](const QString &key, const QJsonValue &value) {
            QJsonObject o = scenario;
            if (value.isUndefined())
                o.remove(key);
            else
                o.insert(key, value);
            return withScenario(o);
        };
        QTest::newRow("no scenario") << withScenario(kRemove)
                                     << QStringLiteral(
                                            "scenario: missing; expected an object, or null for a trace that ran no "
                                            "scenario");
        QTest::newRow("scenario a string")
            << withScenario(QStringLiteral("teardown"))
            << QStringLiteral(
                   "scenario: expected an object, or null for a trace that ran no scenario, got \"teardown\"");
        QTest::newRow("scenario without id") << changeScenario(QStringLiteral("id"), kRemove)
                                             << QStringLiteral("scenario.id: missing; expected a string");
        QTest::newRow("scenario id empty") << changeScenario(QStringLiteral("id"), QString())
                                           << QStringLiteral("scenario.id: must not be empty; a trace that ran no "
                                                             "scenario has \"scenario\": null");
        QTest::newRow("scenario id a number")
            << changeScenario(QStringLiteral("id"), 7) << QStringLiteral("scenario.id: expected a string, got 7");
        QTest::newRow("scenario without title") << changeScenario(QStringLiteral("title"), kRemove)
                                                << QStringLiteral("scenario.title: missing; expected a string");
        QTest::newRow("scenario title null") << changeScenario(QStringLiteral("title"), QJsonValue::Null)
                                             << QStringLiteral("scenario.title: expected a string, got null");
        QTest::newRow("scenario without description")
            << changeScenario(QStringLiteral("description"), kRemove)
            << QStringLiteral("scenario.description: missing; expected a string");
        QTest::newRow("scenario description an array")
            << changeScenario(QStringLiteral("description"), QJsonArray {})
            << QStringLiteral("scenario.description: expected a string, got an array");
        QTest::newRow("unknown scenario field") << changeScenario(QStringLiteral("steps"), QJsonArray {})
                                                << QStringLiteral("scenario.steps: unknown field for a scenario");

        // What version 3 added is unknown to older versions, even written as "none".
        const auto older = [&](int version, std::initializer_list<QStringView> keep) {
            return changeTop(good, [&](QJsonObject &t) {
                t.insert(u"version", version);
                for (QStringView key : {QStringView(u"scenario"), QStringView(u"steps")}) {
                    if (std::find(keep.begin(), keep.end(), key) == keep.end()) t.remove(key);
                }
            });
        };
        QTest::newRow("version 2 with steps")
            << older(2, {u"steps"}) << QStringLiteral("steps: unknown field for a trace in a version 2 file");
        QTest::newRow("version 2 with scenario")
            << older(2, {u"scenario"}) << QStringLiteral("scenario: unknown field for a trace in a version 2 file");
        QTest::newRow("version 1 with steps")
            << older(1, {u"steps"}) << QStringLiteral("steps: unknown field for a trace in a version 1 file");
        QTest::newRow("version 1 with both")
            << older(1, {u"scenario", u"steps"})
            << QStringLiteral("scenario: unknown field for a trace in a version 1 file");
    }

    void malformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, place);
        Trace trace;
        QString error;
        // A trace with content beforehand: a failed load must not leave any of it behind.
        QVERIFY2(TraceJson::load(smallTrace(), trace, &error), qPrintable(error));
        QVERIFY(!trace.isEmpty());
        QVERIFY(!TraceJson::load(json, trace, &error));
        QVERIFY2(error.contains(place), qPrintable(QStringLiteral("error: %1\nexpected: %2").arg(error, place)));
        QVERIFY(isEmpty(trace));
    }

    // The rows above each change a file that loads; make sure it does.
    void malformedBaseLoads()
    {
        Trace trace;
        QString error;
        QVERIFY2(TraceJson::load(smallTrace(), trace, &error), qPrintable(error));
        QCOMPARE(trace.size(), 7);
        QCOMPARE(TraceJson::save(trace), smallTrace());
    }

    // A file cut short anywhere (a full disk, an interrupted copy) is a syntax error, never a crash.
    void truncated()
    {
        Trace original;
        buildGenerated(original);
        const QByteArray json = TraceJson::save(original);
        QVERIFY(json.endsWith("}\n"));
        for (qsizetype len = 0; len < json.size() - 1; len += 97) {
            Trace trace;
            QString error;
            QVERIFY2(!TraceJson::load(json.left(len), trace, &error), qPrintable(QStringLiteral("length %1").arg(len)));
            QVERIFY2(error.startsWith(u"line "), qPrintable(error));
            QVERIFY(isEmpty(trace));
        }
    }

    // Single bytes replaced all over a file: each load either fails cleanly or gives a trace that
    // saves and loads again.
    void corruptedBytes()
    {
        Trace original;
        buildGenerated(original);
        const QByteArray json = TraceJson::save(original);
        int loaded = 0;
        for (qsizetype at = 0; at < json.size(); at += 7) {
            for (char c : {'0', '9', '-', '"', '}', ']', 'x', '.', 'e'}) {
                QByteArray damaged = json;
                damaged[at] = c;
                Trace trace;
                QString error;
                if (TraceJson::load(damaged, trace, &error)) {
                    ++loaded;
                    const QByteArray again = TraceJson::save(trace);
                    Trace reloaded;
                    QVERIFY2(TraceJson::load(again, reloaded, &error), qPrintable(error));
                    QCOMPARE(TraceJson::save(reloaded), again);
                } else {
                    QVERIFY(!error.isEmpty());
                    QVERIFY(isEmpty(trace));
                }
            }
        }
        QVERIFY(loaded > 0); // some digits can change and still make a valid trace
    }
};

SYNSCOPE_TEST_MAIN(TestTraceJson)
#include "tst_tracejson.moc"
