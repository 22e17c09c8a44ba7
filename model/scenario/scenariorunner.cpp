// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariorunner.h"

#include "../lab/bsdhost.h"
#include "../lab/lab.h"
#include "../trace/trace.h"

const InFlight *ScenarioContext::findHeld(const SegmentPattern &p) const
{
    const Trace *trace = lab->trace();
    for (const InFlight &f : lab->wire()->inFlight(p.direction)) {
        const Event &e = trace->at(f.sendIndex);
        if ((e.flags & p.mask) == p.flags && (p.retransmissionOk || !(e.marks & EventMark::Retransmission)))
            return &f;
    }
    return nullptr;
}

bool ScenarioContext::deliver(const SegmentPattern &p)
{
    const InFlight *f = findHeld(p);
    if (!f) {
        error = QObject::tr("No %1 segment is in flight %2.")
                    .arg(tcpFlagsText(p.flags),
                        p.direction == Direction::ClientToServer ? QObject::tr("from client to server")
                                                                 : QObject::tr("from server to client"));
        return false;
    }
    return lab->wire()->deliver(f->id);
}

bool ScenarioContext::callReturned(const QString &name) const
{
    const qint64 call = values.value(name, -1);
    if (call < 0)
        return false;
    const Trace *trace = lab->trace();
    const Side side = trace->at(call).side;
    return lab->bsd(side)->hasReturned(call);
}

qint64 ScenarioContext::callValue(const QString &name) const
{
    const qint64 call = values.value(name, -1);
    const Side side = lab->trace()->at(call).side;
    return lab->bsd(side)->result(call).value_or(CallResult { -1, 0, {} }).value;
}

ScenarioRunner::ScenarioRunner(Lab *lab, Scenario scenario, QObject *parent)
    : QObject(parent)
    , m_scenario(std::move(scenario))
    , m_context(lab)
{
    m_poll.setInterval(10);
    connect(&m_poll, &QTimer::timeout, this, &ScenarioRunner::check);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        const ScenarioStep &s = m_scenario.steps[size_t(m_step)];
        fail(tr("Step %1 (%2) timed out after %3 s waiting for %4.")
                 .arg(m_step + 1)
                 .arg(s.caption.left(60), QString::number(s.timeoutMs / 1000.0), s.waitingFor));
    });
    connect(lab->trace(), &Trace::eventsAppended, this, &ScenarioRunner::check);
}

void ScenarioRunner::start()
{
    m_step = -1;
    m_running = true;
    runStep();
}

void ScenarioRunner::runStep()
{
    m_advancing = false;
    ++m_step;
    if (m_step >= int(m_scenario.steps.size())) {
        m_running = false;
        m_poll.stop();
        emit finished(true, tr("Scenario %1 finished.").arg(m_scenario.id));
        return;
    }
    const ScenarioStep &s = m_scenario.steps[size_t(m_step)];
    emit stepStarted(m_step, s.caption);
    if (!m_context.lab->isReady()) {
        fail(tr("The lab stopped: %1").arg(m_context.lab->error().message()));
        return;
    }
    if (s.action && !s.action(m_context)) {
        fail(tr("Step %1 failed: %2").arg(m_step + 1).arg(m_context.error));
        return;
    }
    m_timeout.start(s.timeoutMs);
    m_poll.start();
    check();
}

void ScenarioRunner::check()
{
    if (!m_running || m_advancing || m_step < 0 || m_step >= int(m_scenario.steps.size()))
        return;
    const ScenarioStep &s = m_scenario.steps[size_t(m_step)];
    if (s.until && !s.until(m_context))
        return;
    m_timeout.stop();
    m_advancing = true;
    // Next step on a fresh pass of the event loop, so what the kernels do in answer is recorded first.
    QMetaObject::invokeMethod(this, &ScenarioRunner::runStep, Qt::QueuedConnection);
    m_poll.stop();
}

void ScenarioRunner::fail(const QString &message)
{
    m_running = false;
    m_poll.stop();
    m_timeout.stop();
    emit finished(false, message);
}
