// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings.h"

#include <QObject>

class QMainWindow;
class QWidget;

// Lecture mode: the window full screen on the screen the lecturer picked (View → Lecture Screen),
// without menus, tool bars or status bar, its diagram text as large as the room allows; B covers
// everything in black until B again. The docks and the diagram are the window's to hide and fit.
class LectureMode : public QObject {
    Q_OBJECT
public:
    explicit LectureMode(QMainWindow *window);

    bool isOn() const { return m_on; }
    void setOn(bool on); // back off: the window as it was before
    // The diagram's text size over the normal one, for a diagram `naturalWidth` pixels wide at the
    // normal size: true when it changed.
    bool fit(qreal naturalWidth, bool fresh);
    qreal textScale() const { return m_scale; }
    void setBlanked(bool on);
    bool isBlanked() const;

private:
    QMainWindow *m_window;
    Settings m_settings;
    QWidget *m_blank = nullptr;
    bool m_on = false;
    qreal m_scale = 1;
    Qt::WindowStates m_stateBefore;
};
