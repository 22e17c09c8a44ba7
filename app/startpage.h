// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class Session;

// What to do first: the built-in scenarios to run on a fresh lab, listed under headings (Connect,
// Close, Loss and recovery, …), each a bold title over its description; work by hand, open a saved
// trace, a capture or a scenario file — with a word on whether the lab can run here. The first
// scenario is selected from the start, so Space, Return or Run always has something to run.
class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    // Says what the session's lab is doing; in red, with what still works, when it cannot run here.
    void showLabState(const Session &session);
    QString selectedScenario() const; // its id; empty when a heading or nothing is current
    bool selectScenario(const QString &id);
    // Runs the selected scenario (emits scenarioChosen); false when none is selected.
    bool runSelected();
    void focusList(); // where the keyboard starts when the page is shown
    QListWidget *scenarioList() const { return m_scenarios; }
    QPushButton *runButton() const { return m_run; }

signals:
    void scenarioChosen(const QString &id);
    void byHandChosen();
    void openChosen();
    void openScenarioChosen();

private:
    QLabel *m_labState = nullptr;
    QListWidget *m_scenarios = nullptr;
    QPushButton *m_run = nullptr;
};
