// SPDX-License-Identifier: GPL-3.0-or-later
//
// bench_playback: what recording a built-in scenario and taking over at its end cost, through
// Session as the window uses it. For every built-in scenario, in list order:
//   1. the time from Session::record() to recordingFinished (a fresh lab, the whole scenario at
//      machine speed, the recording copied out),
//   2. the time from Session::takeOver() at the last step to takeOverFinished (a fresh lab, every
//      step replayed, the replay compared with the recording),
//   3. whether the replay told the same story (Session::replayDifferences() empty), or its first
//      difference.
// Each run records and then takes over; the median of --runs runs (default 5) is shown. A scenario
// waits on a kernel timer when its recording holds a resent segment (a SYN or FIN resent after its
// RTO) or takes more than 500 ms; the slow ones run once unless --runs is given. Then the aims against what was
// measured. It prints figures and never judges them: it exits 0 when the lab cannot start here (and says why), 1 when a
// recording or a take-over fails or never ends: that scenario's row and the last lines say why, and the other scenarios
// are still measured. Usage: bench_playback [--runs N] [--scenario ID]... Results go to stdout; progress goes to
// stderr.

#include "lab/lab.h"
#include "lab/wire.h"
#include "run/session.h"
#include "scenario/builtinscenarios.h"
#include "trace/trace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <sched.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr int kDefaultRuns = 5;
constexpr qint64 kTimerThresholdMs = 500; // a first recording slower than this waits on a kernel timer
constexpr double kHandshakeAimMs = 50;
constexpr double kTakeOverAimMs = 100;
constexpr int kWaitMarginMs = 10000; // beyond the scenario's own step timeouts: only a hang gets there

QString helperPath()
{
    const QString fromEnv = qEnvironmentVariable("SYNSCOPE_LAB_HELPER");
    return fromEnv.isEmpty() ? QStringLiteral(SYNSCOPE_BENCH_HELPER) : fromEnv;
}

int onlineCpus()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set); // what nproc prints
    return int(sysconf(_SC_NPROCESSORS_ONLN));
}

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

double median(std::vector<qint64> v)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? double(v[n / 2]) : (double(v[n / 2 - 1]) + double(v[n / 2])) / 2;
}

// How one wait on a Session signal ended.
struct Outcome {
    bool started = false; // record() or takeOver() returned true
    bool finished = false; // the signal came
    bool ok = false;
    QString message; // the signal's, or the error of a refused start
    qint64 ns = 0; // from the call to the signal
};

// Calls begin() and runs the event loop until `signal` comes or timeoutMs pass. The clock runs from
// just before begin() (record() and takeOver() start the lab synchronously) to the signal's slot.
// A signal emitted inside begin() (takeOver at step 0) counts too.
Outcome timed(Session &session, void (Session::*signal)(bool, const QString &),
              const std::function<bool(QString *)> &begin, int timeoutMs)
{
    Outcome out;
    QEventLoop loop;
    QElapsedTimer clock;
    const QMetaObject::Connection connection =
        QObject::connect(&session, signal, &loop, [&](bool ok, const QString &message) {
            out.ns = clock.nsecsElapsed();
            out.finished = true;
            out.ok = ok;
            out.message = message;
            loop.quit();
        });
    clock.start();
    QString error;
    out.started = begin(&error);
    if (!out.started) {
        out.ns = clock.nsecsElapsed();
        out.message = error;
    } else if (!out.finished) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QObject::disconnect(connection);
    return out;
}

struct ScenarioFigures {
    QString id;
    int steps = 0;
    std::vector<qint64> recordNs;
    std::vector<qint64> takeOverNs;
    int unmetExpectations = 0; // in the first recording
    int differingRuns = 0;
    QString firstDifference;
    bool waitsOnTimer = false;
    QString recordingFailure; // the first one; the scenario's runs stop there
    QString takeOverFailure;
    double recordMs() const { return ms(qint64(median(recordNs))); }
    double takeOverMs() const { return ms(qint64(median(takeOverNs))); }
};

QString range(const std::vector<qint64> &v)
{
    if (v.size() < 2) return QStringLiteral("-");
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    return QStringLiteral("%1-%2").arg(ms(*lo), 0, 'f', 1).arg(ms(*hi), 0, 'f', 1);
}

void progress(const QString &what)
{
    std::fprintf(stderr, "bench_playback: %s\n", qPrintable(what));
}

int failWith(const QString &why)
{
    std::fflush(stdout);
    std::fprintf(stderr, "bench_playback: FAILED: %s\n", qPrintable(why));
    std::printf("FAILED: %s\n", qPrintable(why));
    return 1;
}

bool runOnce(Session &session, const Scenario &scenario, int timeoutMs, ScenarioFigures &f, bool first)
{
    int unmet = 0;
    const QMetaObject::Connection counting =
        QObject::connect(&session, &Session::expectationFailed, [&unmet](int, const QString &) { ++unmet; });
    const Outcome recorded = timed(
        session, &Session::recordingFinished, [&](QString *error) { return session.record(scenario, error); },
        timeoutMs);
    QObject::disconnect(counting);
    if (!recorded.started)
        f.recordingFailure = QStringLiteral("the lab cannot start: ") + recorded.message;
    else if (!recorded.finished)
        f.recordingFailure = QStringLiteral("no recordingFinished within %1 s").arg(timeoutMs / 1000);
    else if (!recorded.ok)
        f.recordingFailure = recorded.message;
    if (!f.recordingFailure.isEmpty()) return false;
    f.recordNs.push_back(recorded.ns);
    if (first) {
        f.unmetExpectations = unmet;
        f.steps = session.stepCount();
    }

    session.setPlaybackStep(session.stepCount());
    const Outcome taken = timed(
        session, &Session::takeOverFinished, [&](QString *error) { return session.takeOver(error); }, timeoutMs);
    if (!taken.started)
        f.takeOverFailure = QStringLiteral("refused: ") + taken.message;
    else if (!taken.finished)
        f.takeOverFailure = QStringLiteral("no takeOverFinished within %1 s").arg(timeoutMs / 1000);
    else if (!taken.ok)
        f.takeOverFailure = taken.message;
    if (!f.takeOverFailure.isEmpty()) {
        session.backToRecording();
        return false;
    }
    f.takeOverNs.push_back(taken.ns);
    const QStringList &differences = session.replayDifferences();
    if (!differences.isEmpty()) {
        if (f.differingRuns++ == 0) f.firstDifference = differences.first();
    }
    session.backToRecording();
    return true;
}

QString ofMs(const std::vector<qint64> &v, double medianMs)
{
    return v.empty() ? QStringLiteral("-") : QString::number(medianMs, 'f', 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Prints how long recording each built-in scenario and taking over at its end take."));
    parser.addHelpOption();
    const QCommandLineOption runsOption(
        QStringLiteral("runs"),
        QStringLiteral("Runs of each scenario, the median is shown (default 5; 1 for scenarios that wait on a "
                       "kernel timer unless given)."),
        QStringLiteral("n"), QString::number(kDefaultRuns));
    const QCommandLineOption scenarioOption(
        QStringLiteral("scenario"),
        QStringLiteral("Only this built-in scenario (may be given more than once; default all)."),
        QStringLiteral("id"));
    parser.addOption(runsOption);
    parser.addOption(scenarioOption);
    parser.process(app);
    bool okRuns = false;
    const int runs = parser.value(runsOption).toInt(&okRuns);
    if (!okRuns || runs <= 0) return failWith(QStringLiteral("--runs takes a positive number"));
    const bool runsGiven = parser.isSet(runsOption);
    // Session's lab finds the helper through $SYNSCOPE_LAB_HELPER: the one built beside this tree.
    if (qEnvironmentVariableIsEmpty("SYNSCOPE_LAB_HELPER") && QFileInfo::exists(helperPath()))
        qputenv("SYNSCOPE_LAB_HELPER", helperPath().toLocal8Bit());

    Session session;
    // Spawns the helper once, so that the first recording is timed like the others.
    if (!session.startLab()) {
        std::printf("bench_playback: no lab on this machine, nothing measured: %s\n",
                    qPrintable(session.lab()->error().message()));
        return 0;
    }

    utsname u {};
    uname(&u);
    std::vector<BuiltinScenarios::Entry> entries = BuiltinScenarios::list();
    if (const QStringList only = parser.values(scenarioOption); !only.isEmpty()) {
        for (const QString &id : only) {
            if (!BuiltinScenarios::find(id)) return failWith(QStringLiteral("%1 is not a built-in scenario").arg(id));
        }
        std::erase_if(entries, [&only](const BuiltinScenarios::Entry &e) { return !only.contains(e.id); });
    }
    int idWidth = 8;
    for (const BuiltinScenarios::Entry &e : entries)
        idWidth = std::max(idWidth, int(e.id.size()));
    std::printf("SynScope playback benchmark: kernel %s, %d CPUs, lab %s (%s)\n", u.release, onlineCpus(),
                session.lab()->usesUserNamespace() ? "in a user namespace" : "as root",
                qPrintable(session.lab()->helperDescription()));
    std::printf("%zu built-in scenarios; median of %d runs each%s. A run records the scenario on a fresh lab, then "
                "takes over at its last step on another.\n",
                entries.size(), runs,
                runsGiven ? ""
                          : ", 1 run for a scenario whose first recording takes > 500 ms (it waits on a kernel timer)");
    std::printf("Times in ms, from the call (record / takeOver) to its signal (recordingFinished / "
                "takeOverFinished).\n\n");
    std::printf("%-*s %5s %4s %9s %13s %9s %13s  %s\n", idWidth, "scenario", "steps", "runs", "record", "(min-max)",
                "take-over", "(min-max)", "replay");
    std::printf("%s\n", QByteArray(idWidth + 68, '-').constData());
    std::fflush(stdout);

    std::vector<ScenarioFigures> all;
    QStringList failures;
    for (const BuiltinScenarios::Entry &entry : entries) {
        const std::optional<Scenario> scenario = BuiltinScenarios::find(entry.id);
        if (!scenario) return failWith(QStringLiteral("built-in scenario %1 listed but not found").arg(entry.id));
        int timeoutMs = kWaitMarginMs;
        for (const ScenarioStep &step : scenario->steps)
            timeoutMs += step.timeoutMs;
        ScenarioFigures f;
        f.id = entry.id;
        int n = runs;
        for (int i = 0; i < n; ++i) {
            progress(QStringLiteral("%1, run %2 of %3").arg(entry.id).arg(i + 1).arg(n));
            const bool ok = runOnce(session, *scenario, timeoutMs, f, i == 0);
            if (!f.recordNs.empty() && i == 0) {
                // A kernel timer fired in the recording when a segment was resent (an RTO, a probe),
                // or, whatever fired, when it took long.
                bool resent = false;
                if (const Trace *recording = session.recording()) {
                    for (qsizetype e = 0; e < recording->size(); ++e)
                        resent = resent
                            || (recording->at(e).kind == EventKind::Send
                                && (recording->at(e).marks & EventMark::Retransmission));
                }
                f.waitsOnTimer = resent || ms(f.recordNs.front()) > double(kTimerThresholdMs);
                if (ms(f.recordNs.front()) > double(kTimerThresholdMs) && !runsGiven) n = 1;
            }
            if (!ok) {
                n = i + 1;
                break;
            }
        }
        QString replay;
        if (!f.recordingFailure.isEmpty()) {
            replay = QStringLiteral("RECORDING FAILED: ") + f.recordingFailure;
            failures.append(QStringLiteral("%1: recording failed: %2").arg(f.id, f.recordingFailure));
        } else if (!f.takeOverFailure.isEmpty()) {
            replay = QStringLiteral("TAKE-OVER FAILED: ") + f.takeOverFailure;
            failures.append(
                QStringLiteral("%1: take-over at step %2 failed: %3").arg(f.id).arg(f.steps).arg(f.takeOverFailure));
        } else if (f.differingRuns == 0) {
            replay = QStringLiteral("same");
        } else {
            replay = QStringLiteral("differs in %1 of %2 runs: %3").arg(f.differingRuns).arg(n).arg(f.firstDifference);
        }
        if (f.unmetExpectations > 0)
            replay += QStringLiteral(" [recording: %1 expectation(s) not met]").arg(f.unmetExpectations);
        std::printf("%-*s %5d %4d %9s %13s %9s %13s  %s\n", idWidth, qPrintable(f.id), f.steps, n,
                    qPrintable(ofMs(f.recordNs, f.recordMs())), qPrintable(range(f.recordNs)),
                    qPrintable(ofMs(f.takeOverNs, f.takeOverMs())), qPrintable(range(f.takeOverNs)),
                    qPrintable(replay));
        std::fflush(stdout);
        all.push_back(std::move(f));
    }

    std::printf("\nAims (issue) against what was measured\n");
    const auto handshake =
        std::find_if(all.begin(), all.end(), [](const ScenarioFigures &f) { return f.id == u"handshake"; });
    if (handshake != all.end() && !handshake->recordNs.empty()) {
        std::printf("  handshake recorded in %.1f ms (aim < %.0f ms: ratio %.2f)\n", handshake->recordMs(),
                    kHandshakeAimMs, handshake->recordMs() / kHandshakeAimMs);
    } else {
        std::printf("  handshake: not recorded\n");
    }
    const ScenarioFigures *worst = nullptr;
    for (const ScenarioFigures &f : all) {
        if (!f.waitsOnTimer && !f.takeOverNs.empty() && (!worst || f.takeOverMs() > worst->takeOverMs())) worst = &f;
    }
    if (worst) {
        std::printf("  take-over < %.0f ms for every scenario that waits on no kernel timer: worst is %.1f ms (%s), "
                    "ratio %.2f%s\n",
                    kTakeOverAimMs, worst->takeOverMs(), qPrintable(worst->id), worst->takeOverMs() / kTakeOverAimMs,
                    failures.isEmpty() ? "" : " (of those whose take-over was measured)");
    } else {
        std::printf("  take-over: no take-over of a scenario without kernel timers was measured\n");
    }
    QStringList overAim;
    for (const ScenarioFigures &f : all) {
        if (!f.waitsOnTimer && !f.takeOverNs.empty() && f.takeOverMs() >= kTakeOverAimMs)
            overAim.append(QStringLiteral("%1 %2 ms").arg(f.id).arg(f.takeOverMs(), 0, 'f', 1));
    }
    if (!overAim.isEmpty()) std::printf("    at or over the aim: %s\n", qPrintable(overAim.join(QStringLiteral(", "))));
    std::printf("  scenarios that wait on a kernel timer (a segment resent, or recording > %lld ms), not held to the "
                "take-over aim:\n",
                kTimerThresholdMs);
    bool anyTimer = false;
    for (const ScenarioFigures &f : all) {
        if (!f.waitsOnTimer) continue;
        anyTimer = true;
        std::printf("    %-*s recorded in %.1f ms, take-over %s ms\n", idWidth, qPrintable(f.id), f.recordMs(),
                    qPrintable(ofMs(f.takeOverNs, f.takeOverMs())));
    }
    if (!anyTimer) std::printf("    none\n");
    std::printf("\n");
    if (!failures.isEmpty()) {
        for (const QString &failure : failures)
            std::printf("FAILED: %s\n", qPrintable(failure));
        std::fflush(stdout);
        std::fprintf(stderr, "bench_playback: %lld scenario(s) failed\n", qint64(failures.size()));
        return 1;
    }
    return 0;
}
