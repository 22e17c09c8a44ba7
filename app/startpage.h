// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class Session;

// What to do first: the built-in scenarios to run on a fresh lab, work by hand, open a saved trace,
// a capture or a scenario file — with a word on whether the lab can run here.
class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    // Says what the session's lab is doing; in red, with what still works, when it cannot run here.
    void showLabState(const Session &session);

signals:
    void scenarioChosen(const QString &id);
    void byHandChosen();
    void openChosen();
    void openScenarioChosen();

private:
    QLabel *m_labState = nullptr;
    QListWidget *m_scenarios = nullptr;
};
