// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A scenario: a script of socket calls, wire actions and waits on the lab, with a caption per
// step and expectations on what the kernels do. Files are versioned JSON, documented in
// docs/scenario-format.md; ScenarioFile reads and writes them.

#include "trace/direction.h"
#include "trace/event.h"
#include "trace/socketcalls.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <vector>

struct TcpOptions;

// Which segment a step means: its direction and its SYN/ACK/FIN/RST flags (other flags such as
// PSH or ECE are ignored), optionally whether it carries data, whether it is a retransmission and
// whether it announces a zero window.
// A scenario names segments by what they are, never by position or sequence number.
struct SegmentPattern {
    // The TCP options a pattern can name, by the names tcpdump and the segment labels give them.
    enum Option : quint8 { Mss = 0x01, WindowScale = 0x02, SackPermitted = 0x04, Timestamps = 0x08 };

    Direction direction = Direction::ClientToServer;
    quint8 flags = 0;
    std::optional<bool> data; // carries payload (length > 0)
    std::optional<bool> retransmission;
    std::optional<bool> zeroWindow; // announces a receive window of 0 (the receiver is full)
    // Exactly these of the options above (Option bits; a SACK block or a NOP is not one of them).
    std::optional<quint8> options;
    // Exactly these of the ECN flags ECE and CWR (TcpFlag bits): a SYN that asks for ECN has both.
    std::optional<quint8> ecn;

    static constexpr quint8 kMask = 0x17; // FIN | SYN | RST | ACK
    static constexpr quint8 kEcnMask = 0xc0; // ECE | CWR
    // `packet` is the segment's bytes (Trace::packet): only options are read from them.
    bool matches(const Event &send, QByteArrayView packet = {}) const;
    // "mss", "wscale", "sackOK", "TS" for the bits set, in that order.
    static QStringList optionNames(quint8 options);
    static bool optionFromName(const QString &name, quint8 &option);
    // The Option bits of a parsed segment's options.
    static quint8 optionsOf(const TcpOptions &options);
    // "FIN, ACK from the client" (with "with data", "retransmitted" where set).
    QString describe() const;
};

// One thing a step does: a socket call on one side, an action of the wire, or a host's restart
// (Host: the host on `side` "reboots", Lab::restartHost).
struct ScenarioAction {
    enum class Kind : quint8 { Call, Wire, Set, Host };
    enum class WireOp : quint8 { Segment, DeliverAll, Mode };

    Kind kind = Kind::Call;
    // Call: flavour, side, call name (SocketCall::name: "connect", Qt's "connectToHost"), arguments
    // as in the file (descriptors and Qt sockets are named by the "as" of the call that made them),
    // the name this call goes by, and, if set, the call it is chained to: it is made in the very
    // moment that call returns, with no event-loop pass in between (as a program does).
    Flavour flavour = Flavour::Bsd;
    Side side = Side::Client;
    QString call;
    QJsonObject args;
    QString as;
    QString atReturnOf;
    // Wire: deliver, drop or duplicate (`segmentAction`) the held segment matching `segment` (the
    // oldest one, or the newest one with `newest`: delivering it ahead of older ones is delivering
    // out of order); deliver every held segment; set a direction's mode and latency.
    WireOp wireOp = WireOp::Segment;
    WireAction segmentAction = WireAction::Deliver;
    SegmentPattern segment;
    bool newest = false;
    Direction direction = Direction::ClientToServer; // Mode: the direction it sets...
    bool bothDirections = false; // ...or both of them
    WireMode mode = WireMode::Step;
    int latencyMs = 0;
    // Set: host settings of `side` changed between connections, by their HostSettings keys
    // ("net.ipv4.tcp_sack" -> "0", "quickack" -> "1"); the next connection is made with them.
    std::map<QString, QString> settings;
};

// What a step waits for after its actions (all of its conditions), or what an expectation checks.
// "Since the step began" means in the trace events appended after the step's first action.
struct ScenarioCondition {
    enum class Kind : quint8 {
        Segment, // a matching segment was sent since the step began, or (unless onlyNew) is held
        Idle, // nothing held on the wire and nothing sent for quietMs
        State, // a socket of `side` is in `state` now, or went through it since the step began
        Returned, // the call named `name` has returned
        Signal, // Qt emitted signal `name` on `side` since the step began
    };
    Kind kind = Kind::Segment;
    SegmentPattern segment;
    bool onlyNew = false;
    int quietMs = 200;
    Side side = Side::Client;
    TcpState state = TcpState::Closed;
    quint16 port = 0; // State: local port of the socket; 0 for any
    QString name;
};

struct ScenarioExpectation {
    enum class Kind : quint8 {
        Segment, // segments sent since the step began: the first match has `label`; `count` matches
        NoSegment, // no matching segment was sent since the step began
        Call, // the named call returned `result` / failed with `errnoName` / read `data`
        State, // as the condition, checked once
        Signal, // as the condition, with an optional `detail` (Qt's error name)
    };
    Kind kind = Kind::Segment;
    SegmentPattern segment;
    QString label; // symbolic label, e.g. "SYN K, ACK J+1"
    int count = -1;
    QString name;
    std::optional<qint64> result;
    QString errnoName;
    std::optional<QString> data;
    Side side = Side::Client;
    TcpState state = TcpState::Closed;
    quint16 port = 0;
    QString detail;
};

struct ScenarioStep {
    QString caption;
    std::vector<ScenarioAction> actions;
    std::vector<ScenarioCondition> until;
    int timeoutMs = 10000;
    std::vector<ScenarioExpectation> expectations;
};

struct Scenario {
    QString id;
    QString title;
    QString description;
    // Where the start page lists it: one of ScenarioFile::groups() ("connect", "close", …); empty
    // for none (a file of one's own needs no group).
    QString group;
    // The lab's IP version, 4 or 6 ("ip"); 0 when the file does not say: it runs over the version
    // the user chose (the window's toggle, --ip).
    int ipVersion = 0;
    int ipVersionOr(int chosen) const { return ipVersion ? ipVersion : chosen; }
    // Sysctls set in each host's namespace before the first step: "net.ipv4.tcp_sack" -> "0".
    std::map<QString, QString> sysctls[2];
    bool quickAck[2] = {false, false}; // hosts.<side>.quickack: the kernel never delays an ACK
    std::vector<ScenarioStep> steps;
};

namespace ScenarioFile {
constexpr int kVersion = 1;
// Limits, checked when a file is read: its size, its steps, and the bytes its calls write in all
// (a write's data times its "repeat"), so a small file cannot ask for gigabytes.
constexpr qint64 kMaxFileBytes = qint64(16) << 20;
constexpr int kMaxSteps = 10000;
constexpr qint64 kMaxWrittenBytes = qint64(64) << 20;
// The values "group" may have, in the order the start page lists them under headings.
const QStringList &groups();

// Reads a scenario. False with *error saying where and what: "line 3, column 17: ..." for JSON
// syntax, "steps[3].do[0].args.port: ..." for a wrong value.
bool parse(const QByteArray &json, Scenario &out, QString *error);
// Reads a file (the resource ":/scenarios/<id>.json" or a user's file); errors start with the path.
bool load(const QString &path, Scenario &out, QString *error);
// Writes a scenario as parse() reads it.
QByteArray save(const Scenario &scenario);
// Writes through AtomicFile: the old file stays whole if writing fails.
bool saveTo(const QString &path, const Scenario &scenario, QString *error);
// Whether a sysctl may be set in a lab host: net.ipv4.tcp_* and net.core.* names only.
bool isAllowedSysctl(const QString &name);
} // namespace ScenarioFile
