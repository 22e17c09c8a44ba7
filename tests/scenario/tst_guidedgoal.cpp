// SPDX-License-Identifier: GPL-3.0-or-later
// Guided by-hand mode's goals read from generated traces shaped like the lab's (labelled
// "generated"): each goal reached step by step, with the next step's button and words; what the
// student does instead — connect() before listen(), close() in SYN_SENT, an interrupted accept(), a
// dropped segment, the server closing first, a listener where none should be — noticed and
// explained; a fresh lab starts the goal over.

#include "run/guidedgoal.h"
#include "support/generatedtrace.h"
#include "testmain.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <cerrno>

using namespace Qt::StringLiterals;
using generated::Builder;
using Goal = GuidedGoal;

namespace {
QJsonObject fd(int n)
{
    return {{u"fd"_s, n}};
}

// The next step's button, as "server accept" or "deliver →" (client to server), for comparisons.
QString next(const GuidedGoal &g)
{
    const int i = g.nextStep();
    if (i < 0) return u"complete"_s;
    const GuidedGoal::Target &t = g.steps()[size_t(i)].target;
    if (t.kind == GuidedGoal::Target::Kind::Deliver)
        return t.direction == Direction::ClientToServer ? u"deliver →"_s : u"deliver ←"_s;
    return (t.side == Side::Client ? u"client "_s : u"server "_s) + t.call;
}

// The server's socket(), bind() and listen(), as the panels make them: descriptor 3.
void listener(Builder &b, bool bind = true)
{
    b.ret(Side::Server, b.call(Side::Server, u"socket"_s), 3);
    if (bind)
        b.ret(Side::Server,
              b.call(Side::Server, u"bind"_s, {{u"fd"_s, 3}, {u"addr"_s, u"10.0.0.2"_s}, {u"port"_s, 9877}}), 0);
    b.ret(Side::Server, b.call(Side::Server, u"listen"_s, {{u"fd"_s, 3}, {u"backlog"_s, 5}}), 0);
    b.state(Side::Server, TcpState::Listen, true);
}
} // namespace

class TestGuidedGoal : public QObject {
    Q_OBJECT
private slots:
    void everyGoalHasWordsAndSteps()
    {
        QCOMPARE(GuidedGoal::kinds().size(), 4);
        for (GuidedGoal::Kind kind : GuidedGoal::kinds()) {
            const GuidedGoal g(kind);
            QVERIFY(!GuidedGoal::title(kind).isEmpty());
            QVERIFY(!GuidedGoal::description(kind).isEmpty());
            QVERIFY(!g.completionText().isEmpty());
            QCOMPARE(g.nextStep(), 0);
            for (const GuidedGoal::Step &s : g.steps()) {
                QVERIFY(!s.text.isEmpty());
                QVERIFY2(s.explanation.size() > 30, qPrintable(s.explanation));
            }
        }
        // The words of the issue for the step that sends the SYN.
        const GuidedGoal g(GuidedGoal::Kind::Handshake);
        QCOMPARE(g.steps()[5].text, u"Client: connect()"_s);
        QCOMPARE(g.steps()[5].explanation,
                 u"connect() sends a SYN and blocks: the segment waits on the wire until you deliver it."_s);
    }

    // Fig. 2.5 done as the checklist says, one event at a time: each step done as the trace shows
    // it, the next one named by its button.
    void handshakeStepByStep()
    {
        Trace trace;
        Builder b(trace);
        GuidedGoal g(GuidedGoal::Kind::Handshake);
        const auto check = [&](const QString &expected) {
            g.update(trace);
            QCOMPARE(next(g), expected);
            QVERIFY2(!g.deviation(), qPrintable(g.deviation() ? g.deviation()->text : QString()));
        };
        check(u"server socket"_s);
        const qsizetype sock = b.call(Side::Server, u"socket"_s);
        check(u"server socket"_s); // made, not yet returned
        b.ret(Side::Server, sock, 3);
        check(u"server bind"_s);
        b.ret(Side::Server, b.call(Side::Server, u"bind"_s, fd(3)), 0);
        check(u"server listen"_s);
        b.ret(Side::Server, b.call(Side::Server, u"listen"_s, fd(3)), 0);
        b.state(Side::Server, TcpState::Listen, true);
        check(u"server accept"_s);
        const qsizetype accept = b.call(Side::Server, u"accept"_s, fd(3));
        check(u"client socket"_s); // accept() blocks: made is enough
        b.ret(Side::Client, b.call(Side::Client, u"socket"_s), 3);
        check(u"client connect"_s);
        const qsizetype connect = b.call(Side::Client, u"connect"_s, fd(3));
        b.state(Side::Client, TcpState::SynSent);
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, 1000, 0);
        check(u"deliver →"_s);
        // The held segment the step means, not another one that way.
        QVERIFY(g.deliversNext(trace.at(syn)));
        QVERIFY(!g.deliversNext(trace.at(sock)));
        b.deliver(syn);
        const qsizetype synAck = b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, 5000, 1001);
        b.state(Side::Server, TcpState::SynRcvd);
        check(u"deliver ←"_s);
        QVERIFY(g.deliversNext(trace.at(synAck)));
        QVERIFY(!g.deliversNext(trace.at(syn)));
        b.deliver(synAck);
        const qsizetype ack = b.send(Side::Client, TcpFlag::Ack, 1001, 5001);
        b.state(Side::Client, TcpState::Established);
        b.ret(Side::Client, connect, 0);
        check(u"deliver →"_s);
        QVERIFY(!g.isComplete());
        b.deliver(ack);
        b.state(Side::Server, TcpState::Established);
        b.ret(Side::Server, accept, 4);
        check(u"complete"_s);
        QVERIFY(g.isComplete());
        for (const GuidedGoal::Step &s : g.steps())
            QCOMPARE(s.status, GuidedGoal::Status::Done);
        // What comes after is the student's own: no deviation once the goal is reached.
        b.call(Side::Client, u"shutdown"_s, fd(3));
        g.update(trace);
        QVERIFY(!g.deviation());

        // A fresh lab (the trace cleared) starts the goal over.
        trace.clear();
        g.update(trace);
        QCOMPARE(g.nextStep(), 0);
        QVERIFY(!g.isComplete());
    }

    void closeGoal()
    {
        Trace trace;
        Builder b(trace);
        generated::handshake(b); // server fd 3 listens, accept() returns 4; client fd 3
        GuidedGoal g(GuidedGoal::Kind::Close);
        g.update(trace);
        QCOMPARE(next(g), u"client close"_s);
        b.ret(Side::Client, b.call(Side::Client, u"close"_s, fd(3)), 0);
        b.state(Side::Client, TcpState::FinWait1);
        const qsizetype fin = b.send(Side::Client, TcpFlag::Fin | TcpFlag::Ack, 1001, 5001);
        g.update(trace);
        QCOMPARE(next(g), u"deliver →"_s);
        b.deliver(fin);
        b.state(Side::Server, TcpState::CloseWait);
        const qsizetype ack = b.send(Side::Server, TcpFlag::Ack, 5001, 1002);
        g.update(trace);
        QCOMPARE(next(g), u"deliver ←"_s);
        b.deliver(ack);
        b.state(Side::Client, TcpState::FinWait2);
        g.update(trace);
        QCOMPARE(next(g), u"server read"_s); // optional, and offered
        QVERIFY(g.steps()[size_t(g.nextStep())].optional);
        // Skipped: the server closes at once; read() is no longer waited for.
        b.ret(Side::Server, b.call(Side::Server, u"close"_s, fd(4)), 0);
        b.state(Side::Server, TcpState::LastAck);
        const qsizetype fin2 = b.send(Side::Server, TcpFlag::Fin | TcpFlag::Ack, 5001, 1002);
        g.update(trace);
        QCOMPARE(next(g), u"deliver ←"_s);
        QCOMPARE(g.steps()[12].status, GuidedGoal::Status::Skipped);
        b.deliver(fin2);
        b.state(Side::Client, TcpState::TimeWait);
        const qsizetype last = b.send(Side::Client, TcpFlag::Ack, 1002, 5002);
        g.update(trace);
        QCOMPARE(next(g), u"deliver →"_s);
        QVERIFY(!g.isComplete());
        b.deliver(last);
        b.state(Side::Server, TcpState::Closed);
        g.update(trace);
        QVERIFY(g.isComplete());
        QVERIFY2(!g.deviation(), qPrintable(g.deviation() ? g.deviation()->text : QString()));
        QVERIFY(g.completionText().contains(u"TIME_WAIT"_s));
    }

    void refusedGoal()
    {
        Trace trace;
        Builder b(trace);
        GuidedGoal g(GuidedGoal::Kind::Refused);
        g.update(trace);
        QCOMPARE(next(g), u"client socket"_s);
        b.ret(Side::Client, b.call(Side::Client, u"socket"_s), 3);
        const qsizetype connect = b.call(Side::Client, u"connect"_s, fd(3));
        b.state(Side::Client, TcpState::SynSent);
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, 1000, 0);
        g.update(trace);
        QCOMPARE(next(g), u"deliver →"_s);
        QVERIFY(g.steps()[2].explanation.contains(u"RST"_s));
        b.deliver(syn);
        const qsizetype rst = b.send(Side::Server, TcpFlag::Rst | TcpFlag::Ack, 0, 1001);
        g.update(trace);
        QCOMPARE(next(g), u"deliver ←"_s);
        QVERIFY(!g.deviation()); // the RST is the goal here, not a deviation
        b.deliver(rst);
        b.state(Side::Client, TcpState::Closed);
        b.ret(Side::Client, connect, -1, ECONNREFUSED);
        g.update(trace);
        QVERIFY(g.isComplete());
        QVERIFY(!g.deviation());
    }

    void dataGoal()
    {
        Trace trace;
        Builder b(trace);
        generated::handshake(b);
        GuidedGoal g(GuidedGoal::Kind::Data);
        g.update(trace);
        QCOMPARE(next(g), u"client write"_s);
        b.ret(Side::Client, b.call(Side::Client, u"write"_s, fd(3)), 5);
        const qsizetype data = b.send(Side::Client, TcpFlag::Ack | TcpFlag::Psh, 1001, 5001, 5);
        g.update(trace);
        QCOMPARE(next(g), u"deliver →"_s);
        b.deliver(data);
        const qsizetype ack = b.send(Side::Server, TcpFlag::Ack, 5001, 1006);
        g.update(trace);
        QCOMPARE(next(g), u"deliver ←"_s);
        b.deliver(ack);
        g.update(trace);
        QCOMPARE(next(g), u"server read"_s);
        b.ret(Side::Server, b.call(Side::Server, u"read"_s, fd(4)), 5, 0, u"hello"_s);
        g.update(trace);
        QVERIFY(g.isComplete());
        QVERIFY(!g.deviation());
    }

    // The example of the issue: connect() interrupted, the client's socket closed in SYN_SENT, and
    // the SYN+ACK answered with RST. Not recoverable: only starting again reaches the goal.
    void closeBeforeHandshakeCompletes()
    {
        Trace trace;
        Builder b(trace);
        GuidedGoal g(GuidedGoal::Kind::Handshake);
        listener(b);
        b.call(Side::Server, u"accept"_s, fd(3));
        b.ret(Side::Client, b.call(Side::Client, u"socket"_s), 3);
        const qsizetype connect = b.call(Side::Client, u"connect"_s, fd(3));
        b.state(Side::Client, TcpState::SynSent);
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, 1000, 0);
        b.ret(Side::Client, connect, -1, EINTR);
        g.update(trace);
        QVERIFY(g.deviation());
        QVERIFY(g.deviation()->recoverable);
        QVERIFY2(g.deviation()->text.startsWith(u"connect() was interrupted: it returns -1 EINTR"_s),
                 qPrintable(g.deviation()->text));
        QCOMPARE(next(g), u"deliver →"_s); // the handshake goes on in the kernel
        g.dismissDeviation();
        const qsizetype close = b.call(Side::Client, u"close"_s, fd(3));
        b.ret(Side::Client, close, 0);
        g.update(trace);
        QVERIFY(g.deviation());
        QVERIFY(!g.deviation()->recoverable);
        QCOMPARE(g.deviation()->event, close);
        QVERIFY2(g.deviation()->text.startsWith(u"You closed the client's socket before the SYN+ACK arrived"_s),
                 qPrintable(g.deviation()->text));
        b.deliver(syn);
        const qsizetype synAck = b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, 5000, 1001);
        b.deliver(synAck);
        const qsizetype rst = b.send(Side::Client, TcpFlag::Rst, 1001, 0);
        g.update(trace);
        QCOMPARE(g.deviation()->text,
                 u"You closed the client's socket before the SYN+ACK arrived: the kernel answers it with RST."_s);
        QCOMPARE(g.deviation()->event, rst);
        QVERIFY(!g.isComplete());
    }

    // Recoverable: the checklist says what happened and goes on from what the kernels did.
    void interruptedAcceptIsMadeAgain()
    {
        Trace trace;
        Builder b(trace);
        GuidedGoal g(GuidedGoal::Kind::Handshake);
        listener(b);
        const qsizetype accept = b.call(Side::Server, u"accept"_s, fd(3));
        g.update(trace);
        QCOMPARE(next(g), u"client socket"_s);
        b.ret(Side::Server, accept, -1, EINTR);
        g.update(trace);
        QVERIFY(g.deviation() && g.deviation()->recoverable);
        QVERIFY2(g.deviation()->text.startsWith(u"accept() was interrupted: it returns -1 EINTR"_s)
                     && g.deviation()->text.contains(u"call accept() again"_s),
                 qPrintable(g.deviation()->text));
        QCOMPARE(next(g), u"server accept"_s);
        g.dismissDeviation();
        QVERIFY(!g.deviation());
        b.call(Side::Server, u"accept"_s, fd(3));
        g.update(trace);
        QCOMPARE(next(g), u"client socket"_s);
    }

    void connectBeforeListenThenRefused()
    {
        Trace trace;
        Builder b(trace);
        GuidedGoal g(GuidedGoal::Kind::Handshake);
        b.ret(Side::Server, b.call(Side::Server, u"socket"_s), 3);
        b.ret(Side::Client, b.call(Side::Client, u"socket"_s), 3);
        const qsizetype connect = b.call(Side::Client, u"connect"_s, fd(3));
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, 1000, 0);
        g.update(trace);
        QVERIFY(g.deviation() && g.deviation()->recoverable);
        QVERIFY2(g.deviation()->text.startsWith(u"You called connect() before the server listens"_s),
                 qPrintable(g.deviation()->text));
        QCOMPARE(next(g), u"server bind"_s); // listen() in time still works
        b.deliver(syn);
        b.send(Side::Server, TcpFlag::Rst | TcpFlag::Ack, 0, 1001);
        g.update(trace);
        QVERIFY(!g.deviation()->recoverable);
        QVERIFY2(g.deviation()->text.startsWith(u"No socket listened on port 9877 when the SYN arrived"_s),
                 qPrintable(g.deviation()->text));
        // connect()'s ECONNREFUSED tells the same story: the first explanation stays.
        const QString said = g.deviation()->text;
        b.ret(Side::Client, connect, -1, ECONNREFUSED);
        g.update(trace);
        QCOMPARE(g.deviation()->text, said);
        QCOMPARE(next(g), u"server bind"_s);
    }

    void wireDeviations()
    {
        Trace trace;
        Builder b(trace);
        GuidedGoal g(GuidedGoal::Kind::Handshake);
        listener(b);
        b.call(Side::Server, u"accept"_s, fd(3));
        b.ret(Side::Client, b.call(Side::Client, u"socket"_s), 3);
        b.call(Side::Client, u"connect"_s, fd(3));
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, 1000, 0);
        b.drop(syn);
        g.update(trace);
        QVERIFY(g.deviation() && g.deviation()->recoverable);
        QVERIFY2(g.deviation()->text.startsWith(u"You dropped the SYN"_s), qPrintable(g.deviation()->text));
        QCOMPARE(next(g), u"deliver →"_s); // still: the copy the kernel sends again
        const qsizetype again = b.send(Side::Client, TcpFlag::Syn, 1000, 0, EventMark::Retransmission);
        const qsizetype copy = b.send(Side::Client, TcpFlag::Syn, 1000, 0, EventMark::Retransmission);
        b.duplicate(again);
        g.update(trace);
        QVERIFY2(g.deviation()->text.startsWith(u"The wire now holds two copies of the SYN"_s),
                 qPrintable(g.deviation()->text));
        b.deliver(copy, EventMark::Reordered);
        g.update(trace);
        QVERIFY2(g.deviation()->text.startsWith(u"You delivered the SYN ahead of an older segment"_s),
                 qPrintable(g.deviation()->text));
        QVERIFY(g.deviation()->recoverable);
        QCOMPARE(next(g), u"deliver ←"_s); // the SYN arrived all the same
    }

    void serverClosesFirst()
    {
        Trace trace;
        Builder b(trace);
        generated::handshake(b);
        GuidedGoal g(GuidedGoal::Kind::Close);
        b.ret(Side::Server, b.call(Side::Server, u"close"_s, fd(4)), 0);
        g.update(trace);
        QVERIFY(g.deviation() && !g.deviation()->recoverable);
        QVERIFY2(g.deviation()->text.startsWith(u"You closed the server's side first"_s),
                 qPrintable(g.deviation()->text));
    }

    void listenerSpoilsRefusal()
    {
        Trace trace;
        Builder b(trace);
        GuidedGoal g(GuidedGoal::Kind::Refused);
        listener(b);
        g.update(trace);
        QVERIFY(g.deviation() && g.deviation()->recoverable);
        QVERIFY2(g.deviation()->text.startsWith(u"The server calls listen()"_s), qPrintable(g.deviation()->text));
        b.ret(Side::Client, b.call(Side::Client, u"socket"_s), 3);
        b.call(Side::Client, u"connect"_s, fd(3));
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, 1000, 0);
        b.deliver(syn);
        b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, 5000, 1001);
        g.update(trace);
        QVERIFY(!g.deviation()->recoverable);
        QVERIFY2(g.deviation()->text.contains(u"connect() will succeed"_s), qPrintable(g.deviation()->text));
    }

    void failedCallsAndOtherCalls()
    {
        Trace trace;
        Builder b(trace);
        GuidedGoal g(GuidedGoal::Kind::Handshake);
        b.ret(Side::Server, b.call(Side::Server, u"socket"_s), 3);
        const qsizetype bind = b.call(Side::Server, u"bind"_s, fd(3));
        b.ret(Side::Server, bind, -1, EADDRINUSE);
        g.update(trace);
        QVERIFY(g.deviation() && g.deviation()->recoverable);
        QVERIFY2(g.deviation()->text.startsWith(u"bind() failed: -1, errno EADDRINUSE"_s),
                 qPrintable(g.deviation()->text));
        QCOMPARE(next(g), u"server bind"_s);
        // One that worked is not undone by one that failed after it.
        b.ret(Side::Server, b.call(Side::Server, u"bind"_s, fd(3)), 0);
        b.ret(Side::Server, b.call(Side::Server, u"bind"_s, fd(3)), -1, EINVAL);
        g.update(trace);
        QCOMPARE(next(g), u"server listen"_s);
        QVERIFY(g.deviation()->text.contains(u"EINVAL"_s));
        // A call that is no step of the goal is said to be so.
        b.ret(Side::Server, b.call(Side::Server, u"setsockopt"_s, fd(3)), 0);
        g.update(trace);
        QVERIFY2(g.deviation()->text.startsWith(u"setsockopt() on the server is not a step of this goal"_s),
                 qPrintable(g.deviation()->text));
        // listen() without bind(): the port is one the kernel picked, not 9877.
        b.ret(Side::Server, b.call(Side::Server, u"socket"_s), 4);
        b.ret(Side::Server, b.call(Side::Server, u"listen"_s, fd(4)), 0);
        g.update(trace);
        QVERIFY(!g.deviation()->recoverable);
        QVERIFY2(g.deviation()->text.startsWith(u"listen() on a socket that was not bound"_s),
                 qPrintable(g.deviation()->text));
    }
};

SYNSCOPE_TEST_MAIN(TestGuidedGoal)
#include "tst_guidedgoal.moc"
