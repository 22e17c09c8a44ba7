// SPDX-License-Identifier: GPL-3.0-or-later
// The docked panels in a build without the lab (-DSYNSCOPE_LAB=OFF): the details of the segment or
// call picked and, while a recording plays, the socket inspector with the states and queues it
// recorded; nothing that acts on kernels — no call panels, no wire, no lecture strip, no call keys.
// labpanels.cpp is the lab build's.
#include "labpanels.h"

#include "panels/detailspanel.h"
#include "panels/socketinspector.h"
#include "run/session.h"
#include "trace/trace.h"

#include <QDockWidget>
#include <QMainWindow>

using namespace Qt::StringLiterals;

LabPanels::LabPanels(Session *session, QMainWindow *window)
    : QObject(window)
    , m_session(session)
{
    Trace *trace = session->trace();
    m_details = new DetailsPanel(window);
    m_details->setTrace(trace);
    QDockWidget *dock = addDock(window, tr("Details"), u"detailsDock"_s, m_details, Qt::RightDockWidgetArea);
    window->resizeDocks({dock}, {280}, Qt::Horizontal);
    connect(trace, &Trace::cleared, m_details, [this] { m_details->setEventIndex(-1); });
    // The inspector reads only the trace: a recording's states and queues as of its step, under
    // the diagram as in the lab build. No call panel chooses a socket here.
    m_inspector = new SocketInspector(window);
    m_inspector->setTrace(trace);
    window->setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    addDock(window, tr("Socket state and queues"), u"socketsDock"_s, m_inspector, Qt::BottomDockWidgetArea);
}

bool LabPanels::areOfUse() const
{
    // Only a recording played back has steps to inspect.
    return m_session->mode() == Session::Mode::Playback;
}

void LabPanels::update(bool lecture)
{
    if (lecture) return;
    for (QDockWidget *d : std::as_const(m_docks)) {
        if (d->widget() != m_details) d->setVisible(areOfUse());
    }
}

void LabPanels::showAsOf(int step)
{
    const Trace *t = m_session->trace();
    const int k = std::min<int>(step, int(t->steps().size())) - 1;
    // While predict mode asks, the inspector must not give the answer away: as of the step's start.
    const qsizetype end = k < 0 ? 0 : m_session->isAsking() ? t->stepBegin(k) : t->stepEnd(k);
    m_inspector->showAsOf(end);
}

void LabPanels::showStrip() { }

void LabPanels::setLectureMode(bool on)
{
    m_lecture = on;
    // Only the diagram in lecture mode; the details back after it, the inspector when of use.
    for (QDockWidget *d : std::as_const(m_docks))
        d->setVisible(!on && (areOfUse() || d->widget() == m_details));
}

void LabPanels::setNumberStyle(NumberStyle) { }

void LabPanels::setFlavour(Flavour) { }

bool LabPanels::deliverNext()
{
    return false;
}
