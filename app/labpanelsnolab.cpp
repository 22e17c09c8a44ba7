// SPDX-License-Identifier: GPL-3.0-or-later
// The docked panels in a build without the lab (-DSYNSCOPE_LAB=OFF): the details of the segment or
// call picked, and nothing that acts on kernels — no call panels, no wire, no lecture strip, no call
// keys. labpanels.cpp is the lab build's.
#include "labpanels.h"

#include "panels/detailspanel.h"
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
    auto *dock = new QDockWidget(tr("Details"), window);
    dock->setObjectName(u"detailsDock"_s);
    dock->setWidget(m_details);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                      | QDockWidget::DockWidgetClosable);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    window->resizeDocks({dock}, {280}, Qt::Horizontal);
    m_docks << dock;
    connect(trace, &Trace::cleared, m_details, [this] { m_details->setEventIndex(-1); });
}

bool LabPanels::areOfUse() const
{
    return false;
}

void LabPanels::update(bool) { }

void LabPanels::showAsOf(int) { }

void LabPanels::showStrip() { }

void LabPanels::setLectureMode(bool on)
{
    m_lecture = on;
    // Only the diagram in lecture mode; the details back after it.
    for (QDockWidget *d : std::as_const(m_docks))
        d->setVisible(!on);
}

void LabPanels::setNumberStyle(NumberStyle) { }

void LabPanels::setFlavour(Flavour) { }

bool LabPanels::deliverNext()
{
    return false;
}
