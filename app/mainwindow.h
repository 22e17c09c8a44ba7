// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <memory>

class Lab;
class QLabel;
class QListWidget;
class ScenarioRunner;
class Trace;

// The window: for now the trace as a list of events, the built-in scenarios, and the lab's
// status. The sequence diagram takes the centre in the next step of the project.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openTrace(const QString &path);
    void runScenario(const QString &id);

private:
    void startLab();
    void appendEvents(qsizetype first, qsizetype last);
    void showLabState();

    std::unique_ptr<Trace> m_trace;
    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<ScenarioRunner> m_runner;
    QListWidget *m_events = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_labStatus = nullptr;
};
