// SPDX-License-Identifier: GPL-3.0-or-later
// The table of socket calls (SocketCall) is the one place a call is added. Every entry must be
// read from a scenario file, made by the runner (the trace then records it by its name), turned
// back into a scenario step by the recorder, and offered by the call panel, whose button makes
// it: an entry one of them does not know fails here.

#include "lab/labtest.h"
#include "panels/callpanel.h"
#include "run/scenariorecorder.h"
#include "run/scenariorunner.h"
#include "scenario/scenario.h"
#include "testmain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace {

// All calls are made on the client; a port nothing listens on, so a connect() is refused at once.
constexpr Side kSide = Side::Client;
constexpr int kNobody = 9;

QString label(const SocketCall &call)
{
    return SocketCall::flavourName(call.flavour) + u' ' + call.name;
}

// The call of the call's flavour that makes a descriptor or Qt socket and needs none itself.
const SocketCall &maker(Flavour flavour)
{
    for (const SocketCall &c : SocketCall::all()) {
        if (c.flavour == flavour && c.makesHandle()
            && std::none_of(c.args.begin(), c.args.end(),
                            [](const SocketCall::Arg &a) { return a.type == SocketCall::ArgType::Handle; }))
            return c;
    }
    qFatal("no call makes a handle");
}

bool takesHandle(const SocketCall &call)
{
    return std::any_of(call.args.begin(), call.args.end(),
                       [](const SocketCall::Arg &a) { return a.type == SocketCall::ArgType::Handle; });
}

// A value of its type for every argument the call takes; the handle is "h".
QJsonObject argsFor(const SocketCall &call)
{
    QJsonObject args;
    for (const SocketCall::Arg &a : call.args) {
        switch (a.type) {
        case SocketCall::ArgType::Handle:
            args.insert(a.name, u"h"_s);
            break;
        case SocketCall::ArgType::Port:
            args.insert(a.name, kNobody);
            break;
        case SocketCall::ArgType::Int:
            args.insert(a.name, 1);
            break;
        case SocketCall::ArgType::Text:
            args.insert(a.name, u"x"_s);
            break;
        case SocketCall::ArgType::Address:
            args.insert(a.name, Lab::address(4, otherSide(kSide)));
            break;
        case SocketCall::ArgType::OneOf:
            args.insert(a.name, QString::fromLatin1(a.choices.begin()->name));
            break;
        }
    }
    return args;
}

QJsonObject action(const SocketCall &call, const QJsonObject &args, const QString &as)
{
    QJsonObject o {{u"side"_s, sideName(kSide)}, {u"call"_s, QString(call.name)}, {u"as"_s, as}};
    if (call.flavour == Flavour::Qt) o.insert(u"api", u"qt"_s);
    if (!args.isEmpty()) o.insert(u"args", args);
    return o;
}

// One step: the call that makes the handle the call needs, then the call, waiting for its return.
QByteArray scenarioFor(const SocketCall &call)
{
    QJsonArray actions;
    if (takesHandle(call)) actions.append(action(maker(call.flavour), argsFor(maker(call.flavour)), u"h"_s));
    actions.append(action(call, argsFor(call), u"c"_s));
    const QJsonObject step {{u"caption"_s, label(call)},
                            {u"do"_s, actions},
                            {u"until"_s, QJsonArray {QJsonObject {{u"returned"_s, u"c"_s}}}}};
    const QJsonObject top {{u"format"_s, u"synscope-scenario"_s},
                           {u"version"_s, 1},
                           {u"id"_s, u"call"_s},
                           {u"title"_s, label(call)},
                           {u"steps"_s, QJsonArray {step}}};
    return QJsonDocument(top).toJson();
}

// The buttons that make the call: its own, or one for each option it sets.
QStringList buttonNames(const SocketCall &call)
{
    if (const SocketCall::Arg *option = call.arg(u"option")) {
        QStringList names;
        for (const SocketCall::Choice &c : option->choices)
            names << QString::fromLatin1(c.name);
        return names;
    }
    return {QString(call.name)};
}

// The Call events on the client from `from` on, by what the trace names them.
QStringList callsSince(const Trace &trace, qsizetype from)
{
    QStringList fns;
    for (qsizetype i = from; i < trace.size(); ++i) {
        if (trace.at(i).kind == EventKind::Call && trace.at(i).side == kSide) fns << trace.callRecord(trace.at(i)).fn;
    }
    return fns;
}

} // namespace

class TestSocketCalls : public QObject {
    Q_OBJECT
private slots:
    void table()
    {
        QSet<QString> names[2];
        QSet<QString> fns;
        for (const SocketCall &call : SocketCall::all()) {
            QVERIFY2(!names[int(call.flavour)].contains(call.name), qPrintable(label(call)));
            names[int(call.flavour)].insert(call.name);
            QVERIFY2(!fns.contains(call.fn), qPrintable(label(call)));
            fns.insert(call.fn);
            QCOMPARE(&SocketCall::of(call.op), &call);
            QCOMPARE(SocketCall::find(call.flavour, QString(call.name)), &call);
            QCOMPARE(SocketCall::recorded(QString(call.fn)), &call);
            // A trace tells Qt's calls by their class: a call of the table is no exception.
            QCOMPARE(SocketCall::flavourOf(QString(call.fn)), call.flavour);
            QVERIFY2(!call.summaryText().isEmpty(), qPrintable(label(call)));
            QVERIFY2(!call.blocks || call.flavour == Flavour::Bsd, "Qt's calls return at once");
            QVERIFY2(call.cue.isEmpty() || call.flavour == Flavour::Qt, "only a Qt program waits for a signal");
        }
    }

    void parsed_data()
    {
        QTest::addColumn<int>("index");
        for (qsizetype i = 0; i < qsizetype(SocketCall::all().size()); ++i)
            QTest::newRow(qPrintable(label(SocketCall::all()[size_t(i)]))) << int(i);
    }
    void parsed()
    {
        QFETCH(int, index);
        const SocketCall &call = SocketCall::all()[size_t(index)];
        Scenario s;
        QString error;
        QVERIFY2(ScenarioFile::parse(scenarioFor(call), s, &error), qPrintable(error));
        const ScenarioAction &a = s.steps.front().actions.back();
        QCOMPARE(a.flavour, call.flavour);
        QCOMPARE(a.call, QString(call.name));
        QCOMPARE(a.args, argsFor(call));
        // Saved, it reads back the same.
        Scenario again;
        QVERIFY2(ScenarioFile::parse(ScenarioFile::save(s), again, &error), qPrintable(error));
        QCOMPARE(ScenarioFile::save(again), ScenarioFile::save(s));
    }

    void offeredByThePanel()
    {
        CallPanel panel(kSide);
        for (const SocketCall &call : SocketCall::all()) {
            panel.setFlavour(call.flavour);
            for (const QString &name : buttonNames(call)) {
                QPushButton *button = panel.button(name);
                QVERIFY2(button, qPrintable(label(call) + u": no button " + name));
                QVERIFY2(!button->text().isEmpty() && !button->toolTip().isEmpty(), qPrintable(name));
            }
        }
    }

    // On the lab: the runner makes each call as the trace names it, the recorder writes it back as the
    // scenario has it, and the panel's button makes it too.
    void madeRecordedAndPressed()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        for (Direction d : {Direction::ClientToServer, Direction::ServerToClient})
            lab.wire()->setMode(d, Wire::Mode::Auto);
        BsdHost *bsd = lab.bsd(kSide);
        CallPanel panel(kSide);
        panel.setLab(&lab);
        panel.portBox()->setValue(kNobody);
        for (const SocketCall &call : SocketCall::all()) {
            const QString what = label(call);
            Scenario s;
            QString error;
            QVERIFY2(ScenarioFile::parse(scenarioFor(call), s, &error), qPrintable(error));
            const qsizetype start = trace.size();
            ScenarioRunner runner(&lab, s);
            bool done = false;
            bool ok = false;
            QString message;
            connect(&runner, &ScenarioRunner::finished, &runner, [&](bool good, const QString &text) {
                done = true;
                ok = good;
                message = text;
            });
            runner.runAll();
            QTRY_VERIFY_WITH_TIMEOUT(done, kWaitMs);
            QVERIFY2(ok, qPrintable(what + u": " + message));
            const QStringList made = callsSince(trace, start);
            QVERIFY2(!made.isEmpty() && made.back() == call.fn, qPrintable(what + u": " + made.join(u", ")));

            // The recorder names it as the scenario did, and its recording reads back.
            ScenarioRecorder recorder(&lab);
            for (qsizetype i = start; i < trace.size(); ++i) {
                if (trace.at(i).kind == EventKind::Call && trace.at(i).side == kSide)
                    QVERIFY2(recorder.addCall(i, &error), qPrintable(what + u": " + error));
            }
            const Scenario recorded = recorder.scenario(u"recorded"_s, what);
            const ScenarioAction &a = recorded.steps.back().actions.back();
            QCOMPARE(a.flavour, call.flavour);
            QCOMPARE(a.call, QString(call.name));
            Scenario reread;
            QVERIFY2(ScenarioFile::parse(ScenarioFile::save(recorded), reread, &error),
                     qPrintable(what + u": " + error));

            // The panel's buttons make it. A listener left over would keep accept() waiting: each
            // call starts from no descriptor.
            for (int fd : bsd->sockets())
                bsd->close(fd);
            QTRY_VERIFY_WITH_TIMEOUT(!bsd->isBlocked(), kWaitMs);
            panel.setFlavour(call.flavour);
            if (takesHandle(call)) QVERIFY(panel.call(buttonNames(maker(call.flavour)).front()) >= 0);
            for (const QString &name : buttonNames(call)) {
                QTRY_VERIFY_WITH_TIMEOUT(!bsd->isBlocked(), kWaitMs);
                const qsizetype before = trace.size();
                QVERIFY2(panel.call(name) >= 0, qPrintable(what + u": " + panel.resultText()));
                QCOMPARE(callsSince(trace, before).value(0), QString(call.fn));
            }
            QTRY_VERIFY_WITH_TIMEOUT(!bsd->isBlocked(), kWaitMs);
        }
    }

    // The keep-alive options reach the kernel with the values the panel's boxes give: what
    // getsockopt() reads back on the lab's socket is what was set.
    void keepAliveOptionsReachTheKernel()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        BsdHost *bsd = lab.bsd(kSide);
        CallPanel panel(kSide);
        panel.setLab(&lab);
        panel.setFlavour(Flavour::Bsd);
        QVERIFY(panel.call(u"socket"_s) >= 0);
        const int fd = bsd->sockets().front();
        const struct {
            QString option;
            int level;
            int name;
            int value;
        } options[] = {{u"SO_KEEPALIVE"_s, SOL_SOCKET, SO_KEEPALIVE, 1},
                       {u"TCP_KEEPIDLE"_s, IPPROTO_TCP, TCP_KEEPIDLE, 7},
                       {u"TCP_KEEPINTVL"_s, IPPROTO_TCP, TCP_KEEPINTVL, 3},
                       {u"TCP_KEEPCNT"_s, IPPROTO_TCP, TCP_KEEPCNT, 4}};
        for (const auto &o : options) {
            if (QSpinBox *box = panel.optionValueBox(o.option)) box->setValue(o.value);
            const qsizetype call = panel.call(o.option);
            QVERIFY2(call >= 0, qPrintable(o.option));
            QVERIFY(bsd->result(call).has_value()); // it returns at once
            QCOMPARE(bsd->result(call)->value, 0);
            QCOMPARE(trace.callRecord(trace.at(call)).args.value(u"value").toInt(), o.value);
            int got = -1;
            socklen_t len = sizeof got;
            QCOMPARE(::getsockopt(fd, o.level, o.name, &got, &len), 0);
            QCOMPARE(got, o.value);
        }
        // Set by hand to a value the kernel refuses (TCP_KEEPCNT 0): the call fails with EINVAL.
        const BsdHost::CallId refused = bsd->setKeepAliveOption(fd, u"TCP_KEEPCNT"_s, 0);
        QCOMPARE(bsd->result(refused)->value, -1);
        QCOMPARE(bsd->result(refused)->err, EINVAL);
    }
};

SYNSCOPE_TEST_MAIN(TestSocketCalls)
#include "tst_socketcalls.moc"
