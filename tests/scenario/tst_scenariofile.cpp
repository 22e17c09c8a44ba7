// SPDX-License-Identifier: GPL-3.0-or-later
// The scenario file format (docs/scenario-format.md): the built-in files read and write back
// unchanged, and a malformed file is refused with one message naming the place and the mistake.

#include "scenario/builtinscenarios.h"
#include "scenario/scenario.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <sys/stat.h>

namespace {

// A valid scenario, with `steps` spliced in: the malformed cases differ from it in one place.
QByteArray withSteps(const char *steps)
{
    return QByteArrayLiteral(R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T", "steps": )")
        + steps + QByteArrayLiteral("}");
}

const char kListen[] = R"({"caption": "listen", "do": [{"side": "server", "call": "socket", "as": "lfd"},
    {"side": "server", "call": "bind", "args": {"fd": "lfd", "port": 9877}}]})";

QByteArray afterListen(const char *step)
{
    const QByteArray steps = QByteArray("[") + kListen + ", " + step + "]";
    return withSteps(steps.constData());
}

} // namespace

class TestScenarioFile : public QObject {
    Q_OBJECT
private slots:
    void builtinsReadAndWriteBack_data()
    {
        QTest::addColumn<QString>("id");
        for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list())
            QTest::newRow(qPrintable(e.id)) << e.id;
    }

    void builtinsReadAndWriteBack()
    {
        QFETCH(QString, id);
        Scenario s;
        QString error;
        QVERIFY2(ScenarioFile::load(QStringLiteral(":/scenarios/%1.json").arg(id), s, &error), qPrintable(error));
        QCOMPARE(s.id, id);
        QVERIFY(!s.title.isEmpty());
        QVERIFY(!s.description.isEmpty());
        // Each is listed under a heading of the start page.
        QVERIFY2(ScenarioFile::groups().contains(s.group), qPrintable(id + QStringLiteral(": group ") + s.group));
        QVERIFY(s.steps.size() >= 3);
        for (const ScenarioStep &step : s.steps)
            QVERIFY2(!step.caption.isEmpty(), qPrintable(id));
        // Written and read again, nothing is lost: the window's "save" keeps every detail.
        const QByteArray saved = ScenarioFile::save(s);
        Scenario again;
        QVERIFY2(ScenarioFile::parse(saved, again, &error), qPrintable(error));
        QCOMPARE(ScenarioFile::save(again), saved);
        QCOMPARE(again.steps.size(), s.steps.size());
        // The same content as the resource, key for key.
        QFile resource(QStringLiteral(":/scenarios/%1.json").arg(id));
        QVERIFY(resource.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(saved), QJsonDocument::fromJson(resource.readAll()));
    }

    void builtinIds()
    {
        const QStringList expected {QStringLiteral("handshake"),
                                    QStringLiteral("teardown"),
                                    QStringLiteral("close-at-once"),
                                    QStringLiteral("whole-connection"),
                                    QStringLiteral("accept-later"),
                                    QStringLiteral("backlog-full"),
                                    QStringLiteral("half-close"),
                                    QStringLiteral("simultaneous-close"),
                                    QStringLiteral("simultaneous-open"),
                                    QStringLiteral("refused"),
                                    QStringLiteral("filtered-port"),
                                    QStringLiteral("abortive-close"),
                                    QStringLiteral("linger-timeout"),
                                    QStringLiteral("unread-data-reset"),
                                    QStringLiteral("server-dies-mid-write"),
                                    QStringLiteral("lost-syn"),
                                    QStringLiteral("lost-synack"),
                                    QStringLiteral("lost-data-rto"),
                                    QStringLiteral("fast-retransmit"),
                                    QStringLiteral("reordered-and-duplicated"),
                                    QStringLiteral("lost-fin"),
                                    QStringLiteral("time-wait-blocks-restart"),
                                    QStringLiteral("data-and-acks"),
                                    QStringLiteral("nagle"),
                                    QStringLiteral("keepalive-half-open"),
                                    QStringLiteral("qt-handshake-close"),
                                    QStringLiteral("options-in-syn")};
        QStringList ids;
        for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list())
            ids << e.id;
        QCOMPARE(ids, expected);
        QVERIFY(!BuiltinScenarios::find(QStringLiteral("no-such-scenario")));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");

        QTest::newRow("JSON syntax: missing comma")
            << QByteArrayLiteral("{\n  \"format\": \"synscope-scenario\",\n  \"version\": 1\n  \"id\": \"x\"\n}")
            << QStringLiteral("line 4, column 4: unterminated object"); // Qt stops just inside "id"
        QTest::newRow("JSON syntax: after a multi-byte character")
            << QByteArrayLiteral("{\"title\": \"Ü\" ]") // Ü is two bytes, one column
            << QStringLiteral("line 1, column 16: unterminated object");
        QTest::newRow("not an object") << QByteArrayLiteral("[1, 2]")
                                       << QStringLiteral("top level: expected a scenario object");
        QTest::newRow("wrong format") << QByteArrayLiteral(R"({"format": "synscope-trace", "version": 1})")
                                      << QStringLiteral(
                                             "format: expected \"synscope-scenario\", got \"synscope-trace\"");
        QTest::newRow("newer version") << QByteArrayLiteral(R"({"format": "synscope-scenario", "version": 2})")
                                       << QStringLiteral(
                                              "version: unsupported version 2; this SynScope reads version 1");
        QTest::newRow("unknown key") << QByteArrayLiteral(
            R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T", "colour": "red", "steps": []})")
                                     << QStringLiteral(
                                            "colour: unknown key (expected one of: format, version, id, title, "
                                            "description, group, ip, hosts, steps)");
        QTest::newRow("unknown group") << QByteArrayLiteral(
            R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T", "group": "misc", "steps": []})")
                                       << QStringLiteral("group: expected one of connect, close, loss, flow, options, "
                                                         "whole, got \"misc\"");
        QTest::newRow("bad id") << QByteArrayLiteral(
            R"({"format": "synscope-scenario", "version": 1, "id": "Two Words", "title": "T", "steps": []})")
                                << QStringLiteral("id: expected lower-case letters, digits and '-', got \"Two Words\"");
        QTest::newRow("no steps") << withSteps("[]")
                                  << QStringLiteral("steps: expected a non-empty array of steps, got an array");
        QTest::newRow("step without caption")
            << withSteps("[{}]")
            << QStringLiteral("steps[0].caption: expected a string, got nothing (the key is missing)");
        QTest::newRow("port out of range")
            << withSteps(R"([{"caption": "c", "do": [{"side": "server", "call": "socket", "as": "lfd"},
            {"side": "server", "call": "bind", "args": {"fd": "lfd", "port": 99999}}]}])")
            << QStringLiteral("steps[0].do[1].args.port: expected an integer from 0 to 65535, got 99999");
        QTest::newRow("missing argument")
            << withSteps(R"([{"caption": "c", "do": [{"side": "server", "call": "socket", "as": "lfd"},
            {"side": "server", "call": "bind", "args": {"fd": "lfd"}}]}])")
            << QStringLiteral("steps[0].do[1].args.port: bind() needs this argument");
        QTest::newRow("unknown call") << withSteps(
            R"([{"caption": "c", "do": [{"side": "client", "call": "sendfile"}]}])")
                                      << QStringLiteral(
                                             "steps[0].do[0].call: unknown BSD call \"sendfile\" (known: socket, bind, "
                                             "listen, connect, accept, write, read, shutdown, close, setsockopt)");
        QTest::newRow("unknown side")
            << withSteps(R"([{"caption": "c", "do": [{"side": "router", "call": "socket"}]}])")
            << QStringLiteral("steps[0].do[0].side: expected \"client\" or \"server\", got \"router\"");
        QTest::newRow("host action other than restart")
            << withSteps(R"([{"caption": "c", "do": [{"host": "reboot", "side": "server"}]}])")
            << QStringLiteral("steps[0].do[0].host: expected \"restart\", got \"reboot\"");
        QTest::newRow("host restart without a side")
            << withSteps(R"([{"caption": "c", "do": [{"host": "restart"}]}])")
            << QStringLiteral("steps[0].do[0].side: expected \"client\" or \"server\", got nothing (the key is "
                              "missing)");
        QTest::newRow("action of no kind")
            << withSteps(R"([{"caption": "c", "do": [{"side": "server"}]}])")
            << QStringLiteral("steps[0].do[0]: an action needs \"call\" (a socket call), \"wire\" (a wire action), "
                              "\"set\" (host settings) or \"host\" (a host's restart)");
        QTest::newRow("descriptor never made")
            << afterListen(
                   R"({"caption": "c", "do": [{"side": "server", "call": "listen", "args": {"fd": "sockfd"}}]})")
            << QStringLiteral("steps[1].do[0].args.fd: \"sockfd\" names no earlier socket(), accept(), "
                              "connectToHost() or nextPendingConnection()");
        QTest::newRow("descriptor of the other side")
            << afterListen(R"({"caption": "c", "do": [{"side": "client", "call": "close", "args": {"fd": "lfd"}}]})")
            << QStringLiteral("steps[1].do[0].args.fd: \"lfd\" belongs to the server (BSD API); "
                              "this call is made on the client (BSD API)");
        QTest::newRow("name used twice")
            << afterListen(R"({"caption": "c", "do": [{"side": "client", "call": "socket", "as": "lfd"}]})")
            << QStringLiteral("steps[1].do[0].as: the name \"lfd\" is already used by an earlier call");
        QTest::newRow("address outside the lab")
            << afterListen(R"({"caption": "c", "do": [{"side": "client", "call": "socket", "as": "s"},
            {"side": "client", "call": "connect", "args": {"fd": "s", "addr": "192.168.1.1", "port": 80}}]})")
            << QStringLiteral("steps[1].do[1].args.addr: expected \"10.0.0.1\" or \"10.0.0.2\" (the "
                              "lab's hosts), or over IPv6 \"fd00::1\" or \"fd00::2\", got \"192.168.1.1\"");
        QTest::newRow("IPv4 address in an IPv6 scenario")
            << QByteArrayLiteral(R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T", "ip": 6,
            "steps": [{"caption": "c", "do": [{"side": "client", "call": "socket", "as": "s"},
            {"side": "client", "call": "connect", "args": {"fd": "s", "addr": "10.0.0.2", "port": 80}}]}]})")
            << QStringLiteral("steps[0].do[1].args.addr: expected \"fd00::1\" or \"fd00::2\" (the lab's hosts "
                              "over IPv6), got \"10.0.0.2\"");
        QTest::newRow("addresses of both versions")
            << QByteArrayLiteral(R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T",
            "steps": [{"caption": "c", "do": [{"side": "client", "call": "socket", "as": "s"},
            {"side": "client", "call": "bind", "args": {"fd": "s", "addr": "fd00::1", "port": 5000}},
            {"side": "client", "call": "connect", "args": {"fd": "s", "addr": "10.0.0.2", "port": 80}}]}]})")
            << QStringLiteral("steps[0].do[2].args.addr: expected \"fd00::1\" or \"fd00::2\" (the lab's hosts "
                              "over IPv6), got \"10.0.0.2\"");
        QTest::newRow("IP version 5") << QByteArrayLiteral(
            R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T", "ip": 5, "steps": []})")
                                      << QStringLiteral("ip: expected 4 or 6 (the lab's IP version), got 5");
        QTest::newRow("IP version as text") << QByteArrayLiteral(
            R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T", "ip": "6", "steps": []})")
                                            << QStringLiteral("ip: expected 4 or 6 (the lab's IP version), got \"6\"");
        QTest::newRow("flag not compared")
            << afterListen(R"({"caption": "c", "until": [{"segment": {"from": "client", "flags": ["SYN", "PSH"]}}]})")
            << QStringLiteral("steps[1].until[0].segment.flags[1]: expected \"SYN\", \"ACK\", \"FIN\" or "
                              "\"RST\", got \"PSH\"");
        QTest::newRow("unknown state")
            << afterListen(R"({"caption": "c", "until": [{"state": "HALF_OPEN", "side": "server"}]})")
            << QStringLiteral("steps[1].until[0].state: expected a TCP state such as \"ESTABLISHED\" or "
                              "\"TIME_WAIT\", got \"HALF_OPEN\"");
        QTest::newRow("unknown errno")
            << afterListen(R"({"caption": "c", "expect": [{"call": "lfd", "errno": "EOOPS"}]})")
            << QStringLiteral("steps[1].expect[0].errno: expected an errno name such as \"ECONNREFUSED\", got "
                              "\"EOOPS\"");
        QTest::newRow("wait for an unnamed call")
            << afterListen(R"({"caption": "c", "until": [{"returned": "accept"}]})")
            << QStringLiteral("steps[1].until[0].returned: \"accept\" names no earlier call (give a "
                              "call \"as\": \"accept\")");
        QTest::newRow("unknown wire action")
            << afterListen(R"({"caption": "c", "do": [{"wire": "corrupt"}]})")
            << QStringLiteral("steps[1].do[0].wire: expected \"deliver\", \"drop\", \"duplicate\", "
                              "\"deliver-all\" or \"mode\", got \"corrupt\"");
        QTest::newRow("sysctl outside the TCP settings")
            << QByteArrayLiteral(
                   R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T",
                "hosts": {"client": {"sysctls": {"kernel.hostname": 1}}}, "steps": []})")
            << QStringLiteral("hosts.client.sysctls.kernel.hostname: only net.ipv4.tcp_* and "
                              "net.core.* settings can be set in the lab");
        QTest::newRow("sysctl value not a number")
            << QByteArrayLiteral(
                   R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T",
                "hosts": {"server": {"sysctls": {"net.ipv4.tcp_sack": "off"}}}, "steps": []})")
            << QStringLiteral("hosts.server.sysctls.net.ipv4.tcp_sack: expected an integer, or "
                              "integers separated by spaces in a string, got \"off\"");
        // Issue 18: a setting of the host settings table is held to the table's limits when read.
        QTest::newRow("SACK neither on nor off")
            << QByteArrayLiteral(
                   R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T",
                "hosts": {"client": {"sysctls": {"net.ipv4.tcp_sack": 2}}}, "steps": []})")
            << QStringLiteral("hosts.client.sysctls.net.ipv4.tcp_sack: expected 0 (off) or 1 (on), got 2");
        QTest::newRow("ECN out of its choices")
            << QByteArrayLiteral(
                   R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T",
                "hosts": {"server": {"sysctls": {"net.ipv4.tcp_ecn": 3}}}, "steps": []})")
            << QStringLiteral("hosts.server.sysctls.net.ipv4.tcp_ecn: expected 0 (off), 1 (ask and accept) or 2 "
                              "(accept when asked), got 3");
        QTest::newRow("SYN retries below one")
            << QByteArrayLiteral(
                   R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T",
                "hosts": {"client": {"sysctls": {"net.ipv4.tcp_syn_retries": 0}}}, "steps": []})")
            << QStringLiteral("hosts.client.sysctls.net.ipv4.tcp_syn_retries: expected an integer from 1 to 127, "
                              "got 0");
        QTest::newRow("receive buffer of two numbers")
            << QByteArrayLiteral(
                   R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T",
                "hosts": {"client": {"sysctls": {"net.ipv4.tcp_rmem": "4096 8192"}}}, "steps": []})")
            << QStringLiteral("hosts.client.sysctls.net.ipv4.tcp_rmem: expected three integers from 1 to 2147483647 "
                              "in a string, such as \"4096 131072 6291456\", got \"4096 8192\"");
        // Host settings changed between two connections: the same rules as the hosts' settings.
        QTest::newRow("set outside the TCP settings")
            << afterListen(R"({"caption": "c", "do": [{"side": "client", "set": {"kernel.hostname": 1}}]})")
            << QStringLiteral("steps[1].do[0].set.kernel.hostname: only net.ipv4.tcp_* and net.core.* settings can "
                              "be set in the lab");
        QTest::newRow("set value not a number")
            << afterListen(R"({"caption": "c", "do": [{"side": "server", "set": {"net.ipv4.tcp_sack": "off"}}]})")
            << QStringLiteral("steps[1].do[0].set.net.ipv4.tcp_sack: expected an integer, or integers separated by "
                              "spaces in a string, got \"off\"");
        QTest::newRow("set quickack not a boolean")
            << afterListen(R"({"caption": "c", "do": [{"side": "server", "set": {"quickack": 1}}]})")
            << QStringLiteral("steps[1].do[0].set.quickack: expected true or false, got 1");
        QTest::newRow("set without a side")
            << afterListen(R"({"caption": "c", "do": [{"set": {"net.ipv4.tcp_sack": 0}}]})")
            << QStringLiteral(
                   "steps[1].do[0].side: expected \"client\" or \"server\", got nothing (the key is missing)");
        QTest::newRow("quickack not a boolean")
            << QByteArrayLiteral(
                   R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T",
                "hosts": {"server": {"quickack": "yes"}}, "steps": []})")
            << QStringLiteral("hosts.server.quickack: expected true or false, got \"yes\"");
        QTest::newRow("SO_LINGER without time")
            << afterListen(R"({"caption": "c", "do": [{"side": "server", "call": "setsockopt",
            "args": {"fd": "lfd", "option": "SO_LINGER", "onoff": 1}}]})")
            << QStringLiteral("steps[1].do[0].args.linger: SO_LINGER needs \"linger\" (seconds; 0 "
                              "makes close() send RST)");
        // Issue 13: a final newline passed the app's check and was refused only by the helper, at run
        // time; it is refused when the file is read now, on one line.
        QTest::newRow("sysctl name ends in a newline")
            << QByteArrayLiteral(R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T",
            "hosts": {"client": {"sysctls": {"net.ipv4.tcp_sack\n": 0}}}, "steps": [{"caption": "c"}]})")
            << QStringLiteral("hosts.client.sysctls.net.ipv4.tcp_sack\\u000a: only net.ipv4.tcp_* and net.core.* "
                              "settings can be set in the lab");
        QTest::newRow("sysctl value ends in a newline")
            << QByteArrayLiteral(R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T",
            "hosts": {"client": {"sysctls": {"net.ipv4.tcp_sack": "0\n"}}}, "steps": [{"caption": "c"}]})")
            << QStringLiteral("hosts.client.sysctls.net.ipv4.tcp_sack: expected an integer, or integers separated "
                              "by spaces in a string, got \"0\\u000a\"");
        // Limits: what the calls write is counted, repeat included, before anything runs.
        QTest::newRow("repeat asks for 2 GB")
            << afterListen(R"({"caption": "c", "do": [{"side": "server", "call": "write",
            "args": {"fd": "lfd", "data": "x", "repeat": 2147483647}}]})")
            << QStringLiteral("steps[1].do[0].args.repeat: this write is 2147483647 × 1 bytes, and a scenario's "
                              "writes may send at most 64 MiB in all");
        QTest::newRow("writes over 64 MiB together")
            << afterListen(R"({"caption": "c", "do": [{"side": "server", "call": "write",
            "args": {"fd": "lfd", "data": "0123456789abcdef", "repeat": 3000000}},
            {"side": "server", "call": "write", "args": {"fd": "lfd", "data": "0123456789abcdef", "repeat": 1200000}}]})")
            << QStringLiteral("steps[1].do[1].args.repeat: this write is 1200000 × 16 bytes, and a scenario's "
                              "writes may send at most 64 MiB in all");
        QTest::newRow("repeat 0") << afterListen(R"({"caption": "c", "do": [{"side": "server", "call": "write",
            "args": {"fd": "lfd", "data": "x", "repeat": 0}}]})")
                                  << QStringLiteral(
                                         "steps[1].do[0].args.repeat: at least 1 (how many times the data is written)");
        QTest::newRow("timeout not a number")
            << afterListen(R"({"caption": "c", "timeoutMs": "soon"})")
            << QStringLiteral("steps[1].timeoutMs: expected an integer from 1 to 600000, got \"soon\"");
    }

    void malformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        Scenario s;
        s.id = QStringLiteral("stale");
        QString error;
        QVERIFY(!ScenarioFile::parse(json, s, &error));
        QCOMPARE(error, message);
        QVERIFY(s.steps.empty()); // nothing half-read is left behind
        QVERIFY(s.id.isEmpty());
    }

    void fileErrorsNameTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\n\"format\": ");
        f.close();
        Scenario s;
        QString error;
        QVERIFY(!BuiltinScenarios::load(path, s, &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": line 2, column 11: ")), qPrintable(error));
        QVERIFY(!BuiltinScenarios::load(dir.filePath(QStringLiteral("missing.json")), s, &error));
        QVERIFY2(error.contains(u"unknown scenario"), qPrintable(error));
    }

    void limits()
    {
        QString error;
        Scenario s;
        // Exactly at the limits is fine: 10,000 steps, 64 MiB written.
        QByteArray steps = "[" + QByteArray(kListen);
        for (int i = 1; i < ScenarioFile::kMaxSteps; ++i)
            steps += R"(, {"caption": "c"})";
        QVERIFY2(ScenarioFile::parse(withSteps(QByteArray(steps + "]").constData()), s, &error), qPrintable(error));
        QCOMPARE(int(s.steps.size()), ScenarioFile::kMaxSteps);
        QVERIFY(!ScenarioFile::parse(withSteps(QByteArray(steps + R"(, {"caption": "one too many"}])").constData()), s,
                                     &error));
        QCOMPARE(error, QStringLiteral("steps: 10001 steps; a scenario may have at most 10000"));
        QVERIFY2(ScenarioFile::parse(afterListen(R"({"caption": "c", "do": [{"side": "server", "call": "write",
            "args": {"fd": "lfd", "data": "0123456789abcdef", "repeat": 4194304}}]})"),
                                     s, &error),
                 qPrintable(error));

        // A file over 16 MiB is refused before it is parsed (white space makes it valid JSON).
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("big.json"));
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write(afterListen(R"({"caption": "c"})")) > 0);
        QVERIFY(f.write(QByteArray(ScenarioFile::kMaxFileBytes, ' ')) == ScenarioFile::kMaxFileBytes);
        f.close();
        QVERIFY(!BuiltinScenarios::load(big, s, &error));
        QCOMPARE(error, QStringLiteral("%1 is larger than 16 MiB, the limit for a scenario file").arg(big));

        // The reported file, from the corpus.
        const QString repeat = QStringLiteral(SYNSCOPE_MALFORMED_DIR "/scenario-huge-repeat.json");
        QVERIFY(!BuiltinScenarios::load(repeat, s, &error));
        QCOMPARE(
            error,
            repeat
                + QStringLiteral(": steps[1].do[2].args.repeat: this write is 2147483647 × 1 bytes, and a scenario's "
                                 "writes may send at most 64 MiB in all"));
        QVERIFY(s.steps.empty());

        const QString empty = dir.filePath(QStringLiteral("empty.json"));
        QVERIFY(QFile(empty).open(QIODevice::WriteOnly));
        QVERIFY(!BuiltinScenarios::load(empty, s, &error));
        QCOMPARE(error, QStringLiteral("%1 is empty").arg(empty));
    }

    // Not a file, or a file that never ends: refused at once with exit 2, nothing blocks or grows.
    void inputsThatAreNotFiles_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("stdinFile");
        QTest::addColumn<QString>("message");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << QString()
                                   << QStringLiteral("synscope: /dev/zero is a character device, not a regular file");
        QTest::newRow("a FIFO") << QStringLiteral("fifo") << QString()
                                << QStringLiteral("fifo is a FIFO, not a regular file");
        QTest::newRow("/dev/zero on standard input")
            << QStringLiteral("-") << QStringLiteral("/dev/zero")
            << QStringLiteral("synscope: standard input is larger than 16 MiB, the limit for a scenario file");
        QTest::newRow("the repeat file on standard input")
            << QStringLiteral("-") << QStringLiteral(SYNSCOPE_MALFORMED_DIR "/scenario-huge-repeat.json")
            << QStringLiteral("synscope: standard input: steps[1].do[2].args.repeat: this write is 2147483647 × 1 "
                              "bytes, and a scenario's writes may send at most 64 MiB in all");
    }

    void inputsThatAreNotFiles()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, stdinFile);
        QFETCH(QString, message);
        const QString app = qEnvironmentVariable("SYNSCOPE_APP");
        if (app.isEmpty()) QSKIP("SYNSCOPE_APP is not set; run the test through ctest");
        QTemporaryDir dir;
        if (scenario == u"fifo") {
            scenario = dir.filePath(scenario);
            QCOMPARE(::mkfifo(QFile::encodeName(scenario).constData(), 0600), 0);
        }
        QProcess run;
        if (!stdinFile.isEmpty()) run.setStandardInputFile(stdinFile);
        run.start(app,
                  {QStringLiteral("--scenario"), scenario, QStringLiteral("--export"),
                   dir.filePath(QStringLiteral("out.json"))});
        QVERIFY(run.waitForFinished(30000));
        const QString err = QString::fromUtf8(run.readAllStandardError());
        QCOMPARE(run.exitStatus(), QProcess::NormalExit);
        QVERIFY2(run.exitCode() == 2, qPrintable(err));
        QCOMPARE(err.trimmed().count(u'\n'), 0);
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.json"))));
    }

    // Refused with exit 2 when the file is read, before any lab exists: not by the helper at run time.
    void sysctlWithNewlineRefusedAtLoad()
    {
        const QString app = qEnvironmentVariable("SYNSCOPE_APP");
        if (app.isEmpty()) QSKIP("SYNSCOPE_APP is not set; run the test through ctest");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("newline.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T",
            "hosts": {"server": {"sysctls": {"net.core.somaxconn\n": 5}}}, "steps": [{"caption": "c"}]})");
        f.close();
        QProcess run;
        run.start(
            app,
            {QStringLiteral("--scenario"), path, QStringLiteral("--export"), dir.filePath(QStringLiteral("out.json"))});
        QVERIFY(run.waitForFinished(30000));
        const QString err = QString::fromUtf8(run.readAllStandardError());
        QCOMPARE(run.exitCode(), 2);
        QCOMPARE(err.trimmed().count(u'\n'), 0);
        QVERIFY2(err.contains(QStringLiteral("hosts.server.sysctls.net.core.somaxconn\\u000a: only net.ipv4.tcp_*")),
                 qPrintable(err));
    }

    void savedFileReadsBack()
    {
        Scenario s = *BuiltinScenarios::find(QStringLiteral("data-and-acks"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.json"));
        QString error;
        QVERIFY2(ScenarioFile::saveTo(path, s, &error), qPrintable(error));
        Scenario again;
        QVERIFY2(ScenarioFile::load(path, again, &error), qPrintable(error));
        QCOMPARE(ScenarioFile::save(again), ScenarioFile::save(s));
        QCOMPARE(again.sysctls[int(Side::Client)].at(QStringLiteral("net.ipv4.tcp_timestamps")), QStringLiteral("0"));
        QVERIFY(!ScenarioFile::saveTo(dir.filePath(QStringLiteral("no/such/dir/x.json")), s, &error));
        QVERIFY2(error.contains(u"cannot write"), qPrintable(error));
    }

    // "ip" says the lab's IP version and survives a save; without it a scenario runs over the user's
    // choice, unless an address a call names fixes it.
    void ipVersion()
    {
        Scenario s = *BuiltinScenarios::find(QStringLiteral("handshake"));
        QCOMPARE(s.ipVersion, 0);
        QCOMPARE(s.ipVersionOr(6), 6);
        QVERIFY(!ScenarioFile::save(s).contains("\"ip\""));
        s.ipVersion = 6;
        Scenario again;
        QString error;
        QVERIFY2(ScenarioFile::parse(ScenarioFile::save(s), again, &error), qPrintable(error));
        QCOMPARE(again.ipVersion, 6);
        QCOMPARE(again.ipVersionOr(4), 6);
        const QByteArray named = R"({"format": "synscope-scenario", "version": 1, "id": "t", "title": "T",
            "steps": [{"caption": "c", "do": [{"side": "client", "call": "socket", "as": "s"},
            {"side": "client", "call": "connect", "args": {"fd": "s", "addr": "fd00::2", "port": 80}}]}]})";
        QVERIFY2(ScenarioFile::parse(named, again, &error), qPrintable(error));
        QCOMPARE(again.ipVersion, 6);
    }

    // The command line lists the built-ins and refuses a malformed file with its place.
    void commandLine()
    {
        const QString app = qEnvironmentVariable("SYNSCOPE_APP");
        if (app.isEmpty()) QSKIP("SYNSCOPE_APP is not set; run the test through ctest");
        QProcess list;
        list.start(app, {QStringLiteral("--list-scenarios")});
        QVERIFY(list.waitForFinished(30000));
        QCOMPARE(list.exitCode(), 0);
        const QStringList lines = QString::fromUtf8(list.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 27);
        QCOMPARE(lines.first(), QStringLiteral("handshake  Three-way handshake"));
        QVERIFY(lines.contains(QStringLiteral("lost-syn  A lost SYN is sent again")));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(withSteps(R"([{"caption": "c", "do": [{"side": "client", "call": "socket", "as": "s"},
            {"side": "client", "call": "connect", "args": {"fd": "s", "port": "http"}}]}])"));
        f.close();
        QProcess run;
        run.start(
            app,
            {QStringLiteral("--scenario"), path, QStringLiteral("--export"), dir.filePath(QStringLiteral("out.json"))});
        QVERIFY(run.waitForFinished(30000));
        QCOMPARE(run.exitCode(), 2);
        const QString err = QString::fromUtf8(run.readAllStandardError());
        QVERIFY2(
            err.contains(
                path + QStringLiteral(": steps[0].do[1].args.port: expected an integer from 0 to 65535, got \"http\"")),
            qPrintable(err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.json"))));
    }
};

SYNSCOPE_TEST_MAIN(TestScenarioFile)
#include "tst_scenariofile.moc"
