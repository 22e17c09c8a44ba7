// SPDX-License-Identifier: GPL-3.0-or-later
// Session's lab parts in a build without the lab (-DSYNSCOPE_LAB=OFF): there are no kernels, runner
// or recorder, and every way to start the lab says why not (noLabReason()), as a refused lab says
// its error. What is lab-free — playback, files, captions — is session.cpp's, the same in both builds.
#include "session.h"

#include "trace/segmentlabels.h"
#include "trace/trace.h"

Session::Session(QObject *parent)
    : QObject(parent)
    , m_trace(std::make_unique<Trace>())
    , m_labels(std::make_unique<SegmentLabeler>(*m_trace))
{
    connect(m_trace.get(), &Trace::cleared, this, [this] { m_labels->reset(); });
}

Session::~Session() = default;

Lab *Session::lab() const
{
    return nullptr;
}

ScenarioRecorder *Session::recorder() const
{
    return nullptr;
}

ScenarioRunner *Session::runner() const
{
    return nullptr;
}

bool Session::isLabReady() const
{
    return false;
}

QString Session::labProblem() const
{
    return noLabReason();
}

void Session::closeLab() { }

void Session::stopRunner() { }

int Session::byHandStepCount() const
{
    return 0;
}

Scenario Session::byHandScenario(const QString &id, const QString &title, const QString &description) const
{
    Scenario scenario;
    scenario.id = id;
    scenario.title = title;
    scenario.description = description;
    return scenario;
}

void Session::setByHandCaption(int, const QString &) { }

bool Session::isScenarioRunning() const
{
    return false;
}

void Session::stepScenario() { }

void Session::runScenarioToEnd() { }

bool Session::addCall(qsizetype, QString *error)
{
    *error = noLabReason();
    return false;
}

bool Session::addWireAction(WireAction, qsizetype, bool, QString *error)
{
    *error = noLabReason();
    return false;
}

void Session::addWireMode(WireMode, int, Direction) { }

bool Session::setHostSetting(Side, const QString &, const QString &, QString *error)
{
    *error = noLabReason();
    return false;
}

bool Session::restartHost(Side, QString *error)
{
    *error = noLabReason();
    return false;
}

bool Session::startLab()
{
    resetRun();
    m_recording.reset();
    m_scenario.reset();
    setMode(Mode::Live);
    return false;
}

bool Session::record(const Scenario &, QString *error)
{
    // As where the lab is refused: nothing is shown of the scenario, and the caller may play the
    // built-in one's bundled recording instead.
    resetRun();
    m_recording.reset();
    m_scenario.reset();
    setMode(Mode::Live);
    *error = noLabReason();
    return false;
}

bool Session::takeOver(QString *error)
{
    canTakeOver(error); // says noLabReason()
    return false;
}
