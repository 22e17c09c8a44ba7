// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/direction.h"
#include "trace/event.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>
#include <vector>

class Trace;

// Guided by-hand mode's goal: a checklist of the calls and wire actions that reach it on a fresh lab
// (BSD sockets), the button each step is made with, and in plain words what the kernels will do.
// It follows what the trace records — calls, returns, kernel states, what the wire did — never
// which button was clicked, so a step made another way (a key, the lecture strip) counts, and what
// the student does instead is noticed and explained: a call that failed or was interrupted, close()
// before the handshake completed, a segment dropped or delivered out of order, a RST. No widgets:
// the window shows it (GuidedPanel), a unit test drives it with generated traces.
class GuidedGoal {
    Q_DECLARE_TR_FUNCTIONS(GuidedGoal)
public:
    enum class Kind : quint8 {
        Handshake, // both sides ESTABLISHED
        Close, // the handshake, then the four-way close, client first
        Refused, // connect() fails with ECONNREFUSED
        Data, // the handshake, then bytes written, acknowledged and read
    };
    static QList<Kind> kinds();
    static QString title(Kind kind); // "Open a connection: both sides ESTABLISHED"
    static QString description(Kind kind);

    // What a step is made with: a call panel's button (side, BSD call name as CallPanel::button()
    // takes it) or the wire's Deliver for the oldest segment held in a direction.
    struct Target {
        enum class Kind : quint8 { Call, Deliver } kind = Kind::Call;
        Side side = Side::Client; // Call: whose program
        QString call; // Call: "socket", "connect", …
        Direction direction = Direction::ClientToServer; // Deliver
        friend bool operator==(const Target &, const Target &) = default;
    };
    enum class Status : quint8 { Pending, Done, Skipped };
    struct Step {
        QString text; // the checklist line: "Client: connect()"
        QString explanation; // what the kernel will do: "connect() sends a SYN and blocks: …"
        Target target;
        bool optional = false; // skipped, not waited for, once a later step is done
        Status status = Status::Pending;
    };
    // Something other than the next step happened. A recoverable one leaves the goal reachable
    // (continue); otherwise only starting again reaches it.
    struct Deviation {
        QString text; // what happened instead, and why, in plain words
        bool recoverable = true;
        qsizetype event = -1; // the trace event that showed it
    };

    explicit GuidedGoal(Kind kind);

    Kind kind() const { return m_kind; }
    // Reads what the trace appended since the last call; a trace cleared (a fresh lab) starts the
    // goal over.
    void update(const Trace &trace);
    void reset();

    const std::vector<Step> &steps() const { return m_steps; }
    int nextStep() const; // the first pending step; -1 once complete
    bool isComplete() const { return nextStep() < 0; }
    QString completionText() const; // what was reached, once complete
    // Whether a held segment (its Send event) is one the next step delivers: its direction and
    // kind. Several may wait in a direction (a SYN resent while you read): this picks the right one.
    bool deliversNext(const Event &send) const;

    // The latest deviation not yet dismissed; a later one replaces a recoverable one, never one
    // that is not.
    const std::optional<Deviation> &deviation() const { return m_deviation; }
    void dismissDeviation() { m_deviation.reset(); }

private:
    enum class Seg : quint8 { Syn, SynAck, Ack, Fin, Rst, Data };
    enum class When : quint8 { Returned, Called, Delivered };
    struct Rule {
        When when;
        Seg seg = Seg::Syn; // Delivered: what kind of segment
        int after = -1; // Delivered: counts only once this step is done
    };

    void addCall(Side side, const QString &call, When when, const QString &explanation, bool optional = false);
    void addDeliver(Direction direction, Seg seg, const QString &explanation);
    void read(const Trace &trace, qsizetype index);
    void readCall(const Trace &trace, qsizetype index);
    void readReturn(const Trace &trace, qsizetype index);
    void readSegment(const Trace &trace, qsizetype index);
    // `replace`: even a deviation that is not recoverable (the same story, told further).
    void deviate(const QString &text, bool recoverable, qsizetype event, bool replace = false);
    int stepOf(const Target &target) const;
    void skipPassedOptional();
    bool needsConnection() const { return m_kind != Kind::Refused; }
    static Seg segOf(const Event &e);
    static QString segName(Seg seg);

    Kind m_kind;
    std::vector<Step> m_steps;
    std::vector<Rule> m_rules;
    std::optional<Deviation> m_deviation;
    qsizetype m_read = 0;
    // What the trace has shown so far.
    QList<int> m_bound; // server descriptors bind() succeeded on
    QList<int> m_listening; // server descriptors listening (listen() succeeded, not closed since)
    QList<int> m_accepted; // server descriptors accept() returned, not closed since
    TcpState m_state[2] = {TcpState::Closed, TcpState::Closed}; // each side's connection (not the listener)
    bool m_established[2] = {false, false}; // each side's connection has been ESTABLISHED
    bool m_clientClosedEarly = false; // closed in SYN_SENT: the SYN+ACK is answered with RST
};
