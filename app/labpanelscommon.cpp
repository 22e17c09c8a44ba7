// SPDX-License-Identifier: GPL-3.0-or-later
// What LabPanels does the same in a build with the lab (labpanels.cpp) and without (labpanelsnolab.cpp).
#include "labpanels.h"

#include <QDockWidget>
#include <QMainWindow>

QDockWidget *LabPanels::addDock(QMainWindow *window, const QString &title, const QString &name, QWidget *content,
                                Qt::DockWidgetArea area)
{
    auto *d = new QDockWidget(title, window);
    d->setObjectName(name);
    d->setWidget(content);
    d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    window->addDockWidget(area, d);
    m_docks << d;
    return d;
}
