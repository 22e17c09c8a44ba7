// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario.h"

#include "captionfields.h"

#include "files/atomicfile.h"
#include "files/inputfile.h"
#include "trace/errnoname.h"
#include "trace/hostsettings.h"
#include "trace/jsonreader.h"
#include "trace/labhosts.h"
#include "trace/tcpsegment.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {

const QLatin1StringView kFormat("synscope-scenario");

// A sysctl's value as a scenario may give it: the helper's own rules (trace/labhosts.h).
bool isSettableSysctlValue(const QString &value)
{
    const QByteArray bytes = value.toUtf8();
    return labproto::isSettableSysctlValue(std::string_view(bytes.constData(), size_t(bytes.size())));
}

QString tr(const char *text)
{
    return QCoreApplication::translate("ScenarioFile", text);
}

QString directionName(Direction d)
{
    return d == Direction::ClientToServer ? QStringLiteral("client-to-server") : QStringLiteral("server-to-client");
}

// "socket, bind, listen, ...": the calls of a flavour, for a message about one that is not.
QString callList(Flavour flavour)
{
    QStringList names;
    for (const SocketCall &c : SocketCall::all()) {
        if (c.flavour == flavour) names << QString(c.name);
    }
    return names.join(QStringLiteral(", "));
}

// "socket(), accept(), connectToHost() or nextPendingConnection()": what a handle argument names.
QString handleMakers()
{
    QStringList names;
    for (const SocketCall &c : SocketCall::all()) {
        if (c.makesHandle()) names << QString(c.name) + QStringLiteral("()");
    }
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QCoreApplication::translate("ScenarioFile", " or ") + last;
}

// ---- reading
// ---------------------------------------------------------------------------------------------------------

class Parser : public JsonReader {
    Q_DECLARE_TR_FUNCTIONS(ScenarioFile)
public:
    Parser()
        : JsonReader(Missing::AsValue)
    { }

    bool scenario(const QJsonObject &top, Scenario &out);

private:
    struct Named {
        Side side;
        Flavour flavour;
        bool handle;
    };

    bool side(const QJsonObject &o, const QString &path, Side &out);
    bool pattern(const QJsonValue &v, const QString &path, SegmentPattern &out);
    bool state(const QJsonObject &o, const QString &path, TcpState &state, quint16 &port);
    bool hosts(const QJsonValue &v, Scenario &out);
    bool sysctl(const QString &name, const QJsonValue &v, const QString &path, QString &out);
    bool setAction(const QJsonObject &o, const QString &path, ScenarioAction &out);
    bool step(const QJsonValue &v, const QString &path, ScenarioStep &out);
    bool action(const QJsonValue &v, const QString &path, ScenarioAction &out);
    bool callAction(const QJsonObject &o, const QString &path, ScenarioAction &out);
    bool argument(const SocketCall::Arg &a, const QJsonValue &v, const QString &path, const ScenarioAction &call);
    bool condition(const QJsonValue &v, const QString &path, ScenarioCondition &out);
    bool expectation(const QJsonValue &v, const QString &path, ScenarioExpectation &out);
    bool knownCall(const QString &name, const QString &path);

    std::map<QString, Named> m_names;
    int m_ipVersion = 0; // the file's "ip", or the version of the first address a call names; 0: neither
    qint64 m_written = 0; // bytes the scenario's write() calls send, "repeat" included
};

bool Parser::side(const QJsonObject &o, const QString &path, Side &out)
{
    const QJsonValue v = o.value(u"side");
    if (!v.isString() || !sideFromName(v.toString(), out))
        return expected(join(path, u"side"), v, tr("\"client\" or \"server\""));
    return true;
}

bool Parser::pattern(const QJsonValue &v, const QString &path, SegmentPattern &out)
{
    if (!v.isObject()) return expected(path, v, tr("a segment pattern object"));
    const QJsonObject o = v.toObject();
    if (!onlyKeys(o, path, {u"from", u"flags", u"data", u"retransmission", u"zeroWindow", u"options", u"ecn"}))
        return false;
    Side from;
    const QJsonValue f = o.value(u"from");
    if (!f.isString() || !sideFromName(f.toString(), from))
        return expected(join(path, u"from"), f, tr("\"client\" or \"server\""));
    out.direction = directionFrom(from);
    const QJsonValue flags = o.value(u"flags");
    if (!flags.isArray())
        return expected(join(path, u"flags"), flags, tr("an array of flag names such as [\"SYN\", \"ACK\"]"));
    out.flags = 0;
    const QJsonArray a = flags.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        quint8 bit = 0;
        if (!a.at(i).isString() || !tcpFlagFromName(a.at(i).toString(), bit) || !(bit & SegmentPattern::kMask))
            return expected(indexed(join(path, u"flags"), i), a.at(i), tr("\"SYN\", \"ACK\", \"FIN\" or \"RST\""));
        out.flags |= bit;
    }
    for (auto [key, target] : {std::pair {u"data", &out.data}, std::pair {u"retransmission", &out.retransmission},
                               std::pair {u"zeroWindow", &out.zeroWindow}}) {
        const QJsonValue b = o.value(key);
        if (b.isUndefined()) continue;
        if (!b.isBool()) return expected(join(path, key), b, tr("true or false"));
        *target = b.toBool();
    }
    if (const QJsonValue options = o.value(u"options"); !options.isUndefined()) {
        if (!options.isArray())
            return expected(join(path, u"options"), options,
                            tr("an array of option names such as [\"mss\", \"wscale\", \"sackOK\", \"TS\"]"));
        quint8 bits = 0;
        const QJsonArray names = options.toArray();
        for (qsizetype i = 0; i < names.size(); ++i) {
            quint8 bit = 0;
            if (!names.at(i).isString() || !SegmentPattern::optionFromName(names.at(i).toString(), bit))
                return expected(indexed(join(path, u"options"), i), names.at(i),
                                tr("\"mss\", \"wscale\", \"sackOK\" or \"TS\""));
            bits |= bit;
        }
        out.options = bits;
    }
    if (const QJsonValue ecn = o.value(u"ecn"); !ecn.isUndefined()) {
        if (!ecn.isArray())
            return expected(join(path, u"ecn"), ecn, tr("an array of \"ECE\" and \"CWR\" (empty: neither)"));
        quint8 bits = 0;
        const QJsonArray names = ecn.toArray();
        for (qsizetype i = 0; i < names.size(); ++i) {
            quint8 bit = 0;
            if (!names.at(i).isString() || !tcpFlagFromName(names.at(i).toString(), bit)
                || !(bit & SegmentPattern::kEcnMask))
                return expected(indexed(join(path, u"ecn"), i), names.at(i), tr("\"ECE\" or \"CWR\""));
            bits |= bit;
        }
        out.ecn = bits;
    }
    return true;
}

bool Parser::state(const QJsonObject &o, const QString &path, TcpState &out, quint16 &port)
{
    const QJsonValue v = o.value(u"state");
    if (!v.isString() || !tcpStateFromName(v.toString(), out))
        return expected(join(path, u"state"), v, tr("a TCP state such as \"ESTABLISHED\" or \"TIME_WAIT\""));
    qint64 p = 0; // 0: any port
    if (!integer(o, path, u"port", 1, 65535, p, Presence::Optional)) return false;
    port = quint16(p);
    return true;
}

bool Parser::knownCall(const QString &name, const QString &path)
{
    if (!m_names.count(name))
        return fail(path, tr("\"%1\" names no earlier call (give a call \"as\": \"%1\")").arg(name));
    return true;
}

bool Parser::scenario(const QJsonObject &top, Scenario &out)
{
    const QJsonValue format = top.value(u"format");
    if (format.toString() != kFormat) return expected(QStringLiteral("format"), format, u'"' + kFormat + u'"');
    qint64 version = 0;
    if (!integer(top.value(u"version"), QStringLiteral("version"), 1, 1000000, version)) return false;
    // The version before anything else: a newer file may differ in every other field.
    if (version != ScenarioFile::kVersion)
        return fail(
            QStringLiteral("version"),
            tr("unsupported version %1; this SynScope reads version %2").arg(version).arg(ScenarioFile::kVersion));
    if (!onlyKeys(top, {},
                  {u"format", u"version", u"id", u"title", u"description", u"group", u"ip", u"hosts", u"steps"}))
        return false;
    if (top.contains(u"ip")) {
        const QJsonValue ip = top.value(u"ip");
        if (!ip.isDouble() || (ip.toDouble() != 4 && ip.toDouble() != 6))
            return expected(QStringLiteral("ip"), ip, tr("4 or 6 (the lab's IP version)"));
        out.ipVersion = ip.toInt();
    }
    m_ipVersion = out.ipVersion;
    if (!string(top, {}, u"id", out.id) || !string(top, {}, u"title", out.title)
        || !string(top, {}, u"description", out.description, Presence::Optional)
        || !string(top, {}, u"group", out.group, Presence::Optional))
        return false;
    if (!out.group.isEmpty() && !ScenarioFile::groups().contains(out.group))
        return expected(QStringLiteral("group"), top.value(u"group"),
                        tr("one of %1").arg(ScenarioFile::groups().join(QStringLiteral(", "))));
    static const QRegularExpression idPattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9][a-z0-9-]*")));
    if (!idPattern.match(out.id).hasMatch())
        return expected(QStringLiteral("id"), top.value(u"id"), tr("lower-case letters, digits and '-'"));
    if (top.contains(u"hosts") && !hosts(top.value(u"hosts"), out)) return false;
    const QJsonValue steps = top.value(u"steps");
    if (!steps.isArray() || steps.toArray().isEmpty())
        return expected(QStringLiteral("steps"), steps, tr("a non-empty array of steps"));
    const QJsonArray a = steps.toArray();
    if (a.size() > ScenarioFile::kMaxSteps)
        return fail(QStringLiteral("steps"),
                    tr("%1 steps; a scenario may have at most %2").arg(a.size()).arg(ScenarioFile::kMaxSteps));
    for (qsizetype i = 0; i < a.size(); ++i) {
        ScenarioStep s;
        if (!step(a.at(i), indexed(u"steps", i), s)) return false;
        out.steps.push_back(std::move(s));
    }
    out.ipVersion = m_ipVersion; // an address a call names fixes it where "ip" does not
    return true;
}

bool Parser::hosts(const QJsonValue &v, Scenario &out)
{
    const QString path = QStringLiteral("hosts");
    if (!v.isObject()) return expected(path, v, tr("an object with \"client\" and/or \"server\""));
    const QJsonObject o = v.toObject();
    if (!onlyKeys(o, path, {u"client", u"server"})) return false;
    for (Side s : {Side::Client, Side::Server}) {
        const QString hostPath = join(path, sideName(s));
        const QJsonValue h = o.value(sideName(s));
        if (h.isUndefined()) continue;
        if (!h.isObject()) return expected(hostPath, h, tr("an object"));
        if (!onlyKeys(h.toObject(), hostPath, {u"sysctls", u"quickack"})) return false;
        const QJsonValue quickAck = h.toObject().value(u"quickack");
        if (!quickAck.isUndefined() && !quickAck.isBool())
            return expected(join(hostPath, u"quickack"), quickAck, tr("true or false"));
        out.quickAck[int(s)] = quickAck.toBool(false);
        const QJsonValue sysctls = h.toObject().value(u"sysctls");
        if (sysctls.isUndefined()) continue;
        if (!sysctls.isObject())
            return expected(join(hostPath, u"sysctls"), sysctls, tr("an object of sysctl names and values"));
        const QJsonObject so = sysctls.toObject();
        for (auto it = so.begin(); it != so.end(); ++it) {
            // join() escapes a newline in the key
            if (!sysctl(it.key(), it.value(), join(join(hostPath, u"sysctls"), it.key()),
                        out.sysctls[int(s)][it.key()]))
                return false;
        }
    }
    return true;
}

bool Parser::sysctl(const QString &name, const QJsonValue &v, const QString &path, QString &value)
{
    if (!ScenarioFile::isAllowedSysctl(name))
        return fail(path, tr("only net.ipv4.tcp_* and net.core.* settings can be set in the lab"));
    if (v.isDouble()) {
        qint64 n = 0;
        if (!integer(v, path, -2147483648LL, 2147483647LL, n)) return false;
        value = QString::number(n);
    } else if (v.isString() && isSettableSysctlValue(v.toString())) {
        value = v.toString();
    } else {
        return expected(path, v, tr("an integer, or integers separated by spaces in a string"));
    }
    // A setting the table knows is held to its limits here, before any lab starts; others are the
    // kernel's to check when the run sets them.
    if (const HostSetting *known = HostSettings::find(name); known && !HostSettings::fits(*known, value))
        return expected(path, v, HostSettings::expectedText(*known));
    return true;
}

bool Parser::setAction(const QJsonObject &o, const QString &path, ScenarioAction &out)
{
    out.kind = ScenarioAction::Kind::Set;
    if (!onlyKeys(o, path, {u"side", u"set"}) || !side(o, path, out.side)) return false;
    const QString setPath = join(path, u"set");
    const QJsonValue set = o.value(u"set");
    if (!set.isObject() || set.toObject().isEmpty())
        return expected(setPath, set, tr("an object of host settings and values, such as {\"net.ipv4.tcp_sack\": 0}"));
    const QJsonObject so = set.toObject();
    for (auto it = so.begin(); it != so.end(); ++it) {
        const QString p = join(setPath, it.key());
        if (it.key() == QLatin1StringView(HostSettings::kQuickAck)) {
            if (!it.value().isBool()) return expected(p, it.value(), tr("true or false"));
            out.settings[it.key()] = it.value().toBool() ? QStringLiteral("1") : QStringLiteral("0");
        } else if (!sysctl(it.key(), it.value(), p, out.settings[it.key()])) {
            return false;
        }
    }
    return true;
}

bool Parser::step(const QJsonValue &v, const QString &path, ScenarioStep &out)
{
    if (!v.isObject()) return expected(path, v, tr("a step object"));
    const QJsonObject o = v.toObject();
    if (!onlyKeys(o, path, {u"caption", u"do", u"until", u"timeoutMs", u"expect"})) return false;
    if (!string(o, path, u"caption", out.caption)) return false;
    if (const QString f = CaptionFields::unknownField(out.caption); !f.isEmpty())
        return fail(join(path, u"caption"),
                    tr("%1 is not a field a caption can fill in (use {win:…}, {resend:…}, {again:…}, {delack:…}, "
                       "{options:…} or {addr:…}, each with client or server)")
                        .arg(f));
    qint64 t = out.timeoutMs;
    if (!integer(o, path, u"timeoutMs", 1, 600000, t, Presence::Optional)) return false;
    out.timeoutMs = int(t);
    for (QStringView key : {u"do", u"until", u"expect"}) {
        const QJsonValue list = o.value(key);
        if (list.isUndefined()) continue;
        if (!list.isArray()) return expected(join(path, key), list, tr("an array"));
        const QJsonArray a = list.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString p = indexed(join(path, key), i);
            if (key == u"do") {
                ScenarioAction action;
                if (!this->action(a.at(i), p, action)) return false;
                out.actions.push_back(std::move(action));
            } else if (key == u"until") {
                ScenarioCondition c;
                if (!condition(a.at(i), p, c)) return false;
                out.until.push_back(std::move(c));
            } else {
                ScenarioExpectation e;
                if (!expectation(a.at(i), p, e)) return false;
                out.expectations.push_back(std::move(e));
            }
        }
    }
    return true;
}

bool Parser::action(const QJsonValue &v, const QString &path, ScenarioAction &out)
{
    if (!v.isObject()) return expected(path, v, tr("an action object"));
    const QJsonObject o = v.toObject();
    if (o.contains(u"call")) return callAction(o, path, out);
    if (o.contains(u"set")) return setAction(o, path, out);
    if (o.contains(u"host")) {
        // {"host": "restart", "side": "server"}: that host reboots, a fresh kernel at its address.
        out.kind = ScenarioAction::Kind::Host;
        if (!onlyKeys(o, path, {u"host", u"side"})) return false;
        // A keyword of the format, the same in every language: not a text to translate.
        if (o.value(u"host").toString() != u"restart")
            return expected(join(path, u"host"), o.value(u"host"), QStringLiteral("\"restart\""));
        if (!sideFromName(o.value(u"side").toString(), out.side))
            return expected(join(path, u"side"), o.value(u"side"), tr("\"client\" or \"server\""));
        return true;
    }
    if (!o.contains(u"wire"))
        return fail(path,
                    tr("an action needs \"call\" (a socket call), \"wire\" (a wire action), \"set\" (host "
                       "settings) or \"host\" (a host's restart)"));
    out.kind = ScenarioAction::Kind::Wire;
    const QString op = o.value(u"wire").toString();
    if (op == u"deliver" || op == u"drop" || op == u"duplicate") {
        out.wireOp = ScenarioAction::WireOp::Segment;
        out.segmentAction = op == u"deliver" ? WireAction::Deliver
            : op == u"drop"                  ? WireAction::Drop
                                             : WireAction::Duplicate;
        if (!onlyKeys(o, path, {u"wire", u"segment", u"newest"})
            || !pattern(o.value(u"segment"), join(path, u"segment"), out.segment))
            return false;
        const QJsonValue newest = o.value(u"newest");
        if (!newest.isUndefined() && !newest.isBool())
            return expected(join(path, u"newest"), newest, tr("true or false"));
        out.newest = newest.toBool();
        return true;
    }
    if (op == u"deliver-all") {
        out.wireOp = ScenarioAction::WireOp::DeliverAll;
        return onlyKeys(o, path, {u"wire"});
    }
    if (op == u"mode") {
        out.wireOp = ScenarioAction::WireOp::Mode;
        if (!onlyKeys(o, path, {u"wire", u"direction", u"mode", u"latencyMs"})) return false;
        const QJsonValue dir = o.value(u"direction");
        if (dir.isUndefined())
            out.bothDirections = true;
        else if (dir.toString() == u"client-to-server")
            out.direction = Direction::ClientToServer;
        else if (dir.toString() == u"server-to-client")
            out.direction = Direction::ServerToClient;
        else
            return expected(join(path, u"direction"), dir,
                            tr("\"client-to-server\" or \"server-to-client\" (none: both)"));
        const QJsonValue mode = o.value(u"mode");
        if (mode.toString() == u"step")
            out.mode = WireMode::Step;
        else if (mode.toString() == u"auto")
            out.mode = WireMode::Auto;
        else
            return expected(join(path, u"mode"), mode, tr("\"step\" or \"auto\""));
        qint64 ms = out.latencyMs;
        if (!integer(o, path, u"latencyMs", 0, 60000, ms, Presence::Optional)) return false;
        out.latencyMs = int(ms);
        return true;
    }
    return expected(join(path, u"wire"), o.value(u"wire"),
                    tr("\"deliver\", \"drop\", \"duplicate\", \"deliver-all\" or \"mode\""));
}

bool Parser::callAction(const QJsonObject &o, const QString &path, ScenarioAction &out)
{
    out.kind = ScenarioAction::Kind::Call;
    if (!onlyKeys(o, path, {u"call", u"api", u"side", u"args", u"as", u"atReturnOf"}) || !side(o, path, out.side))
        return false;
    const QJsonValue api = o.value(u"api");
    if (api.isUndefined() || api.toString() == u"bsd")
        out.flavour = Flavour::Bsd;
    else if (api.toString() == u"qt")
        out.flavour = Flavour::Qt;
    else
        return expected(join(path, u"api"), api, tr("\"bsd\" or \"qt\""));
    if (!string(o, path, u"call", out.call)) return false;
    const SocketCall *call = SocketCall::find(out.flavour, out.call);
    if (!call)
        return fail(join(path, u"call"),
                    tr("unknown %1 call \"%2\" (known: %3)")
                        .arg(SocketCall::flavourName(out.flavour), out.call, callList(out.flavour)));
    const QJsonValue argsValue = o.value(u"args");
    if (!argsValue.isUndefined() && !argsValue.isObject())
        return expected(join(path, u"args"), argsValue, tr("an object"));
    out.args = argsValue.toObject();
    const QString argsPath = join(path, u"args");
    for (auto it = out.args.begin(); it != out.args.end(); ++it) {
        if (call->arg(it.key())) continue;
        QStringList names;
        for (const SocketCall::Arg &a : call->args)
            names << QString(a.name);
        return fail(
            join(argsPath, it.key()),
            names.isEmpty()
                ? tr("%1() takes no arguments").arg(out.call)
                : tr("%1() has no such argument (it takes: %2)").arg(out.call, names.join(QStringLiteral(", "))));
    }
    for (const SocketCall::Arg &a : call->args) {
        const QJsonValue v = out.args.value(a.name);
        const QString p = join(argsPath, QString(a.name));
        if (v.isUndefined()) {
            if (a.required) return fail(p, tr("%1() needs this argument").arg(out.call));
            continue;
        }
        if (!argument(a, v, p, out)) return false;
    }
    if (call->op == SocketCall::Op::SetSockOpt) {
        const bool linger = out.args.value(u"option").toString() == u"SO_LINGER";
        if (linger && !out.args.contains(u"linger"))
            return fail(join(argsPath, u"linger"),
                        tr("SO_LINGER needs \"linger\" (seconds; 0 makes close() send RST)"));
        if (!linger && (out.args.contains(u"linger") || out.args.contains(u"onoff")))
            return fail(join(argsPath, out.args.contains(u"linger") ? u"linger" : u"onoff"),
                        tr("only SO_LINGER takes this argument"));
    }
    if (call->arg(u"data")) {
        // What the runner will hold in memory and send: counted before anything runs.
        const qint64 size = out.args.value(u"data").toString().toUtf8().size();
        const QJsonValue repeatValue = out.args.value(u"repeat");
        const qint64 repeat = repeatValue.isUndefined() ? 1 : qint64(repeatValue.toDouble());
        if (repeat < 1) return fail(join(argsPath, u"repeat"), tr("at least 1 (how many times the data is written)"));
        const qint64 left = ScenarioFile::kMaxWrittenBytes - m_written;
        if (size > 0 && repeat > left / size)
            return fail(join(argsPath, repeatValue.isUndefined() ? u"data" : u"repeat"),
                        tr("this write is %1 × %2 bytes, and a scenario's writes may send at most %3 in all")
                            .arg(repeat)
                            .arg(size)
                            .arg(InputFile::sizeText(ScenarioFile::kMaxWrittenBytes)));
        m_written += size * repeat;
    }
    if (!string(o, path, u"as", out.as, Presence::Optional)
        || !string(o, path, u"atReturnOf", out.atReturnOf, Presence::Optional))
        return false;
    if (!out.atReturnOf.isEmpty() && !knownCall(out.atReturnOf, join(path, u"atReturnOf"))) return false;
    if (!out.as.isEmpty()) {
        if (m_names.count(out.as))
            return fail(join(path, u"as"), tr("the name \"%1\" is already used by an earlier call").arg(out.as));
        m_names[out.as] = Named {out.side, out.flavour, call->makesHandle()};
    }
    return true;
}

bool Parser::argument(const SocketCall::Arg &a, const QJsonValue &v, const QString &path, const ScenarioAction &call)
{
    qint64 n = 0;
    switch (a.type) {
    case SocketCall::ArgType::Handle: {
        if (!v.isString())
            return expected(path, v,
                            tr("the name (\"as\") of the call that made the %1")
                                .arg(call.flavour == Flavour::Bsd ? tr("descriptor") : tr("socket")));
        const auto named = m_names.find(v.toString());
        if (named == m_names.end() || !named->second.handle)
            return fail(path, tr("\"%1\" names no earlier %2").arg(v.toString(), handleMakers()));
        if (named->second.side != call.side || named->second.flavour != call.flavour)
            return fail(path,
                        tr("\"%1\" belongs to the %2 (%3 API); this call is made on the %4 (%5 API)")
                            .arg(v.toString(), sideText(named->second.side),
                                 SocketCall::flavourName(named->second.flavour), sideText(call.side),
                                 SocketCall::flavourName(call.flavour)));
        return true;
    }
    case SocketCall::ArgType::Port:
        return integer(v, path, 0, 65535, n);
    case SocketCall::ArgType::Int:
        return integer(v, path, -2147483648LL, 2147483647LL, n);
    case SocketCall::ArgType::Text:
        return v.isString() || expected(path, v, tr("a string"));
    case SocketCall::ArgType::Address: {
        // Only the lab's own hosts: nothing else is reachable, and nothing may leave the lab. The
        // first address named fixes the IP version where the file's "ip" does not; the others
        // must be of the same.
        int version = 0;
        for (int ip : {4, 6}) {
            for (bool client : {true, false}) {
                if (v.toString() == QLatin1StringView(labproto::hostAddress(ip, client))) version = ip;
            }
        }
        if (version == 0 || (m_ipVersion && version != m_ipVersion)) {
            const int ip = m_ipVersion ? m_ipVersion : 4;
            const QString client = QString::fromLatin1(labproto::hostAddress(ip, true));
            const QString server = QString::fromLatin1(labproto::hostAddress(ip, false));
            if (m_ipVersion)
                return expected(path, v,
                                tr("\"%1\" or \"%2\" (the lab's hosts over IPv%3)").arg(client, server).arg(ip));
            return expected(path, v,
                            tr("\"%1\" or \"%2\" (the lab's hosts), or over IPv6 \"%3\" or \"%4\"")
                                .arg(client, server, QString::fromLatin1(labproto::kClientAddress6),
                                     QString::fromLatin1(labproto::kServerAddress6)));
        }
        m_ipVersion = version;
        return true;
    }
    case SocketCall::ArgType::OneOf: {
        QStringList choices;
        for (const SocketCall::Choice &c : a.choices)
            choices << QString::fromLatin1(c.name);
        return choices.contains(v.toString())
            || expected(path, v, tr("one of %1").arg(choices.join(QStringLiteral(", "))));
    }
    }
    return false;
}

bool Parser::condition(const QJsonValue &v, const QString &path, ScenarioCondition &out)
{
    if (!v.isObject()) return expected(path, v, tr("a condition object"));
    const QJsonObject o = v.toObject();
    using K = ScenarioCondition::Kind;
    if (o.contains(u"segment")) {
        out.kind = K::Segment;
        if (!onlyKeys(o, path, {u"segment", u"new"})
            || !pattern(o.value(u"segment"), join(path, u"segment"), out.segment))
            return false;
        const QJsonValue onlyNew = o.value(u"new");
        if (!onlyNew.isUndefined() && !onlyNew.isBool())
            return expected(join(path, u"new"), onlyNew, tr("true or false"));
        out.onlyNew = onlyNew.toBool();
        return true;
    }
    if (o.contains(u"idle")) {
        out.kind = K::Idle;
        if (!onlyKeys(o, path, {u"idle", u"quietMs"})) return false;
        if (o.value(u"idle") != QJsonValue(true))
            return expected(join(path, u"idle"), o.value(u"idle"), QStringLiteral("true"));
        qint64 q = out.quietMs;
        if (!integer(o, path, u"quietMs", 1, 60000, q, Presence::Optional)) return false;
        out.quietMs = int(q);
        return true;
    }
    if (o.contains(u"state")) {
        out.kind = K::State;
        return onlyKeys(o, path, {u"state", u"side", u"port"}) && side(o, path, out.side)
            && state(o, path, out.state, out.port);
    }
    if (o.contains(u"returned")) {
        out.kind = K::Returned;
        return onlyKeys(o, path, {u"returned"}) && string(o, path, u"returned", out.name)
            && knownCall(out.name, join(path, u"returned"));
    }
    if (o.contains(u"signal")) {
        out.kind = K::Signal;
        return onlyKeys(o, path, {u"signal", u"side"}) && side(o, path, out.side)
            && string(o, path, u"signal", out.name);
    }
    return fail(path, tr("a condition needs one of \"segment\", \"idle\", \"state\", \"returned\" or \"signal\""));
}

bool Parser::expectation(const QJsonValue &v, const QString &path, ScenarioExpectation &out)
{
    if (!v.isObject()) return expected(path, v, tr("an expectation object"));
    const QJsonObject o = v.toObject();
    using K = ScenarioExpectation::Kind;
    if (o.contains(u"segment")) {
        out.kind = K::Segment;
        if (!onlyKeys(o, path, {u"segment", u"label", u"count"})
            || !pattern(o.value(u"segment"), join(path, u"segment"), out.segment)
            || !string(o, path, u"label", out.label, Presence::Optional))
            return false;
        qint64 n = -1;
        if (!integer(o, path, u"count", 0, 10000, n, Presence::Optional)) return false;
        out.count = int(n);
        return true;
    }
    if (o.contains(u"noSegment")) {
        out.kind = K::NoSegment;
        return onlyKeys(o, path, {u"noSegment"})
            && pattern(o.value(u"noSegment"), join(path, u"noSegment"), out.segment);
    }
    if (o.contains(u"call")) {
        out.kind = K::Call;
        if (!onlyKeys(o, path, {u"call", u"result", u"errno", u"data"}) || !string(o, path, u"call", out.name)
            || !knownCall(out.name, join(path, u"call"))
            || !string(o, path, u"errno", out.errnoName, Presence::Optional))
            return false;
        if (o.contains(u"result")) {
            qint64 r = 0;
            if (!integer(o, path, u"result", -1, 2147483647LL, r)) return false;
            out.result = r;
        }
        if (!out.errnoName.isEmpty() && errnoFromName(out.errnoName) == 0)
            return expected(join(path, u"errno"), o.value(u"errno"), tr("an errno name such as \"ECONNREFUSED\""));
        if (o.contains(u"data")) {
            QString d;
            if (!string(o, path, u"data", d)) return false;
            out.data = d;
        }
        return true;
    }
    if (o.contains(u"state")) {
        out.kind = K::State;
        return onlyKeys(o, path, {u"state", u"side", u"port"}) && side(o, path, out.side)
            && state(o, path, out.state, out.port);
    }
    if (o.contains(u"signal")) {
        out.kind = K::Signal;
        return onlyKeys(o, path, {u"signal", u"side", u"detail"}) && side(o, path, out.side)
            && string(o, path, u"signal", out.name) && string(o, path, u"detail", out.detail, Presence::Optional);
    }
    return fail(path, tr("an expectation needs one of \"segment\", \"noSegment\", \"call\", \"state\" or \"signal\""));
}

// ---- writing
// ---------------------------------------------------------------------------------------------------------

QJsonObject patternToJson(const SegmentPattern &p)
{
    QJsonObject o {{QStringLiteral("from"),
                    p.direction == Direction::ClientToServer ? QStringLiteral("client") : QStringLiteral("server")},
                   {QStringLiteral("flags"), QJsonArray::fromStringList(tcpFlagNames(p.flags))}};
    if (p.data) o.insert(u"data", *p.data);
    if (p.retransmission) o.insert(u"retransmission", *p.retransmission);
    if (p.zeroWindow) o.insert(u"zeroWindow", *p.zeroWindow);
    if (p.options) o.insert(u"options", QJsonArray::fromStringList(SegmentPattern::optionNames(*p.options)));
    if (p.ecn) o.insert(u"ecn", QJsonArray::fromStringList(tcpFlagNames(*p.ecn)));
    return o;
}

QJsonObject actionToJson(const ScenarioAction &a)
{
    QJsonObject o;
    if (a.kind == ScenarioAction::Kind::Call) {
        o.insert(u"side", sideName(a.side));
        o.insert(u"call", a.call);
        if (a.flavour == Flavour::Qt) o.insert(u"api", QStringLiteral("qt"));
        if (!a.args.isEmpty()) o.insert(u"args", a.args);
        if (!a.as.isEmpty()) o.insert(u"as", a.as);
        if (!a.atReturnOf.isEmpty()) o.insert(u"atReturnOf", a.atReturnOf);
        return o;
    }
    if (a.kind == ScenarioAction::Kind::Set) {
        o.insert(u"side", sideName(a.side));
        QJsonObject set;
        for (const auto &[key, value] : a.settings) {
            bool isNumber = false;
            const qint64 n = value.toLongLong(&isNumber);
            if (key == QLatin1StringView(HostSettings::kQuickAck))
                set.insert(key, value != u"0");
            else
                set.insert(key, isNumber ? QJsonValue(n) : QJsonValue(value));
        }
        o.insert(u"set", set);
        return o;
    }
    if (a.kind == ScenarioAction::Kind::Host) {
        o.insert(u"host", QStringLiteral("restart"));
        o.insert(u"side", sideName(a.side));
        return o;
    }
    switch (a.wireOp) {
    case ScenarioAction::WireOp::Segment:
        o.insert(u"wire",
                 a.segmentAction == WireAction::Deliver    ? QStringLiteral("deliver")
                     : a.segmentAction == WireAction::Drop ? QStringLiteral("drop")
                                                           : QStringLiteral("duplicate"));
        o.insert(u"segment", patternToJson(a.segment));
        if (a.newest) o.insert(u"newest", true);
        break;
    case ScenarioAction::WireOp::DeliverAll:
        o.insert(u"wire", QStringLiteral("deliver-all"));
        break;
    case ScenarioAction::WireOp::Mode:
        o.insert(u"wire", QStringLiteral("mode"));
        if (!a.bothDirections) o.insert(u"direction", directionName(a.direction));
        o.insert(u"mode", a.mode == WireMode::Auto ? QStringLiteral("auto") : QStringLiteral("step"));
        if (a.latencyMs) o.insert(u"latencyMs", a.latencyMs);
        break;
    }
    return o;
}

QJsonObject conditionToJson(const ScenarioCondition &c)
{
    using K = ScenarioCondition::Kind;
    switch (c.kind) {
    case K::Segment:
        if (c.onlyNew) return {{QStringLiteral("segment"), patternToJson(c.segment)}, {QStringLiteral("new"), true}};
        return {{QStringLiteral("segment"), patternToJson(c.segment)}};
    case K::Idle:
        return {{QStringLiteral("idle"), true}, {QStringLiteral("quietMs"), c.quietMs}};
    case K::State: {
        QJsonObject o {{QStringLiteral("state"), tcpStateName(c.state)}, {QStringLiteral("side"), sideName(c.side)}};
        if (c.port) o.insert(u"port", c.port);
        return o;
    }
    case K::Returned:
        return {{QStringLiteral("returned"), c.name}};
    case K::Signal:
        return {{QStringLiteral("signal"), c.name}, {QStringLiteral("side"), sideName(c.side)}};
    }
    return {};
}

QJsonObject expectationToJson(const ScenarioExpectation &e)
{
    using K = ScenarioExpectation::Kind;
    QJsonObject o;
    switch (e.kind) {
    case K::Segment:
        o.insert(u"segment", patternToJson(e.segment));
        if (!e.label.isEmpty()) o.insert(u"label", e.label);
        if (e.count >= 0) o.insert(u"count", e.count);
        break;
    case K::NoSegment:
        o.insert(u"noSegment", patternToJson(e.segment));
        break;
    case K::Call:
        o.insert(u"call", e.name);
        if (e.result) o.insert(u"result", *e.result);
        if (!e.errnoName.isEmpty()) o.insert(u"errno", e.errnoName);
        if (e.data) o.insert(u"data", *e.data);
        break;
    case K::State:
        o.insert(u"state", tcpStateName(e.state));
        o.insert(u"side", sideName(e.side));
        if (e.port) o.insert(u"port", e.port);
        break;
    case K::Signal:
        o.insert(u"signal", e.name);
        o.insert(u"side", sideName(e.side));
        if (!e.detail.isEmpty()) o.insert(u"detail", e.detail);
        break;
    }
    return o;
}

} // namespace

bool SegmentPattern::matches(const Event &send, QByteArrayView packet) const
{
    if (send.side != (direction == Direction::ClientToServer ? Side::Client : Side::Server)) return false;
    if ((send.flags & kMask) != flags) return false;
    if (data && (send.length > 0) != *data) return false;
    if (retransmission && bool(send.marks & EventMark::Retransmission) != *retransmission) return false;
    if (zeroWindow && (send.window == 0) != *zeroWindow) return false;
    if (ecn && (send.flags & kEcnMask) != *ecn) return false;
    if (options) {
        TcpSegment seg;
        if (packet.isEmpty()
            || parseIpTcp(reinterpret_cast<const uchar *>(packet.data()), packet.size(), seg, Completeness::HeadersOnly)
                != ParseStatus::Ok
            || optionsOf(seg.options) != *options)
            return false;
    }
    return true;
}

namespace {
struct OptionName {
    quint8 bit;
    const char *name;
};
// tcpdump's names, in the order Linux puts the options in its SYN's label.
constexpr OptionName kOptionNames[] = {{SegmentPattern::Mss, "mss"},
                                       {SegmentPattern::WindowScale, "wscale"},
                                       {SegmentPattern::SackPermitted, "sackOK"},
                                       {SegmentPattern::Timestamps, "TS"}};
} // namespace

QStringList SegmentPattern::optionNames(quint8 options)
{
    QStringList names;
    for (const OptionName &o : kOptionNames) {
        if (options & o.bit) names << QLatin1StringView(o.name);
    }
    return names;
}

bool SegmentPattern::optionFromName(const QString &name, quint8 &option)
{
    for (const OptionName &o : kOptionNames) {
        if (name == QLatin1StringView(o.name)) {
            option = o.bit;
            return true;
        }
    }
    return false;
}

quint8 SegmentPattern::optionsOf(const TcpOptions &o)
{
    return quint8((o.mss >= 0 ? Mss : 0) | (o.windowScale >= 0 ? WindowScale : 0)
                  | (o.sackPermitted ? SackPermitted : 0) | (o.hasTimestamps ? Timestamps : 0));
}

QString SegmentPattern::describe() const
{
    QString text = QCoreApplication::translate("ScenarioFile", "%1 from the %2")
                       .arg(flags ? tcpFlagsText(flags) : QStringLiteral("no-flag"),
                            sideText(direction == Direction::ClientToServer ? Side::Client : Side::Server));
    if (data)
        text += *data ? QCoreApplication::translate("ScenarioFile", " with data")
                      : QCoreApplication::translate("ScenarioFile", " without data");
    if (retransmission)
        text += *retransmission ? QCoreApplication::translate("ScenarioFile", " (a retransmission)")
                                : QCoreApplication::translate("ScenarioFile", " (not a retransmission)");
    if (zeroWindow)
        text += *zeroWindow ? QCoreApplication::translate("ScenarioFile", " announcing a zero window")
                            : QCoreApplication::translate("ScenarioFile", " announcing an open window");
    if (ecn)
        text += *ecn ? QCoreApplication::translate("ScenarioFile", " with %1").arg(tcpFlagsText(*ecn))
                     : QCoreApplication::translate("ScenarioFile", " without ECE or CWR");
    if (options)
        text += *options ? QCoreApplication::translate("ScenarioFile", " with the options %1")
                               .arg(optionNames(*options).join(QStringLiteral(", ")))
                         : QCoreApplication::translate("ScenarioFile", " without options");
    return text;
}

namespace ScenarioFile {

const QStringList &groups()
{
    // From the first segment of a connection to the last, then what goes wrong, then the rest.
    static const QStringList list {QStringLiteral("connect"), QStringLiteral("close"),   QStringLiteral("loss"),
                                   QStringLiteral("flow"),    QStringLiteral("options"), QStringLiteral("whole")};
    return list;
}

bool isAllowedSysctl(const QString &name)
{
    // The helper's own rules (trace/labhosts.h), which Lab::setSysctl() checks again.
    const QByteArray bytes = name.toUtf8();
    return labproto::isSettableSysctlName(std::string_view(bytes.constData(), size_t(bytes.size())));
}

bool parse(const QByteArray &json, Scenario &out, QString *error)
{
    out = Scenario {};
    if (json.size() > kMaxFileBytes) {
        *error =
            tr("the scenario is larger than %1, the limit for a scenario file").arg(InputFile::sizeText(kMaxFileBytes));
        return false;
    }
    Parser parser;
    QJsonDocument doc;
    if (!parser.parse(json, doc)) {
        *error = parser.error();
        return false;
    }
    if (!doc.isObject()) {
        *error = tr("top level: expected a scenario object");
        return false;
    }
    if (!parser.scenario(doc.object(), out)) {
        *error = parser.error();
        out = Scenario {};
        return false;
    }
    return true;
}

bool load(const QString &path, Scenario &out, QString *error)
{
    // Never blocks on a FIFO, refuses a device, and stops reading at the limit ("-": standard input).
    InputFile file;
    QByteArray json;
    if (!file.open(path, error) || !file.readAll(kMaxFileBytes, tr("a scenario file"), json, error)) return false;
    if (json.isEmpty()) {
        *error = tr("%1 is empty").arg(file.name());
        return false;
    }
    if (!parse(json, out, error)) {
        *error = file.name() + QStringLiteral(": ") + *error;
        return false;
    }
    return true;
}

QByteArray save(const Scenario &s)
{
    QJsonObject top {{QStringLiteral("format"), QString(kFormat)},
                     {QStringLiteral("version"), kVersion},
                     {QStringLiteral("id"), s.id},
                     {QStringLiteral("title"), s.title}};
    if (!s.description.isEmpty()) top.insert(u"description", s.description);
    if (!s.group.isEmpty()) top.insert(u"group", s.group);
    if (s.ipVersion) top.insert(u"ip", s.ipVersion);
    QJsonObject hosts;
    for (Side side : {Side::Client, Side::Server}) {
        if (s.sysctls[int(side)].empty() && !s.quickAck[int(side)]) continue;
        QJsonObject host;
        if (!s.sysctls[int(side)].empty()) {
            QJsonObject sysctls;
            for (const auto &[name, value] : s.sysctls[int(side)]) {
                bool isNumber = false;
                const qint64 n = value.toLongLong(&isNumber);
                sysctls.insert(name, isNumber ? QJsonValue(n) : QJsonValue(value));
            }
            host.insert(u"sysctls", sysctls);
        }
        if (s.quickAck[int(side)]) host.insert(u"quickack", true);
        hosts.insert(sideName(side), host);
    }
    if (!hosts.isEmpty()) top.insert(u"hosts", hosts);
    QJsonArray steps;
    for (const ScenarioStep &step : s.steps) {
        QJsonObject o {{QStringLiteral("caption"), step.caption}};
        QJsonArray actions, until, expect;
        for (const ScenarioAction &a : step.actions)
            actions.append(actionToJson(a));
        for (const ScenarioCondition &c : step.until)
            until.append(conditionToJson(c));
        for (const ScenarioExpectation &e : step.expectations)
            expect.append(expectationToJson(e));
        if (!actions.isEmpty()) o.insert(u"do", actions);
        if (!until.isEmpty()) o.insert(u"until", until);
        if (step.timeoutMs != ScenarioStep {}.timeoutMs) o.insert(u"timeoutMs", step.timeoutMs);
        if (!expect.isEmpty()) o.insert(u"expect", expect);
        steps.append(o);
    }
    top.insert(u"steps", steps);
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

bool saveTo(const QString &path, const Scenario &scenario, QString *error)
{
    return AtomicFile::write(path, save(scenario), error);
}

} // namespace ScenarioFile
