// SPDX-License-Identifier: GPL-3.0-or-later
#include "lecturemode.h"

#include <QGuiApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>
#include <QToolBar>
#include <QWindow>

LectureMode::LectureMode(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_blank = new QWidget(window);
    m_blank->setAutoFillBackground(true);
    QPalette black = m_blank->palette();
    black.setColor(QPalette::Window, Qt::black);
    m_blank->setPalette(black);
    m_blank->hide();
}

void LectureMode::setOn(bool on)
{
    m_on = on;
    m_window->menuBar()->setVisible(!on);
    m_window->statusBar()->setVisible(!on);
    for (QToolBar *bar : m_window->findChildren<QToolBar *>())
        bar->setVisible(!on);
    if (!on) {
        setBlanked(false);
        m_window->setWindowState(m_stateBefore & ~Qt::WindowFullScreen);
        m_window->showNormal();
        return;
    }
    m_stateBefore = m_window->windowState();
    QScreen *screen = QGuiApplication::primaryScreen();
    for (QScreen *s : QGuiApplication::screens()) {
        if (s->name() == m_settings.lectureScreen()) screen = s;
    }
    if (m_window->windowHandle() && screen) m_window->windowHandle()->setScreen(screen);
    if (screen) m_window->setGeometry(screen->geometry());
    m_window->showFullScreen();
}

bool LectureMode::fit(qreal naturalWidth, bool fresh)
{
    // Text as large as the room needs, but the whole width of the diagram on the screen: the
    // lecturer must never scroll sideways. The scale only shrinks while a run grows (text that
    // changes size at every step would distract), and starts afresh with a new lab or trace.
    const int room = m_window->screen() ? m_window->screen()->geometry().width() : m_window->width();
    const qreal most = m_settings.lectureFontScale();
    const qreal scale = std::min(most, naturalWidth > 0 ? std::max(0.6, 0.94 * room / naturalWidth) : most);
    if (!fresh && scale >= m_scale - 0.01) return false;
    m_scale = scale;
    return true;
}

void LectureMode::setBlanked(bool on)
{
    m_blank->setGeometry(m_window->rect());
    m_blank->setVisible(on);
    if (on) m_blank->raise();
}

bool LectureMode::isBlanked() const
{
    return m_blank->isVisible();
}
