// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/diagramoptions.h"
#include "settings.h"

#include <QObject>
#include <vector>

struct Conversation;
class QMimeData;
class QWidget;
class Session;

// What the session reads from and writes to files, with the window's dialogs: a saved trace or a
// capture opened into it, the trace saved, what was done by hand saved as a scenario, exports and
// the clipboard, the recent files — and, before by-hand work that is not saved would be lost, the
// question Save / Discard / Cancel.
class SessionFiles : public QObject {
    Q_OBJECT
public:
    SessionFiles(Session *session, QWidget *window);

    // Closing, opening another file, a fresh lab, another flavour, a scenario or the recording again
    // would lose unsaved by-hand work: asks. True to go on (saved, discarded, or nothing to lose);
    // false keeps the work, and the action is not taken.
    bool settleUnsavedWork();

    // A saved trace or a capture (pcap, pcapng), told apart by their first bytes, replaces the
    // session's trace; a capture with several connections asks which. False when it cannot (failed()
    // says why), when the choice was cancelled or the user kept unsaved work.
    bool open(const QString &path);
    void openDialog();
    void openRecent(const QString &path); // one that is gone leaves the list (and says so)
    bool saveTrace(const QString &path);
    bool save(); // to the file the trace came from or went to when it is a trace file, else saveAs()
    bool saveAs();
    // What was done by hand since the lab started, as a scenario file that replays it.
    bool saveScenario(const QString &path);
    void saveScenarioDialog();
    QString scenarioFileDialog(); // a scenario file to run; empty when cancelled
    void exportDialog(const DiagramOptions &options);
    void copyImage(const DiagramOptions &options);
    QStringList recentFiles() const { return m_settings.recentFiles(); }
    // The one trace or capture dropped on the window (by its name: .json, .pcap, .pcapng); empty
    // for anything else.
    static QString droppedFile(const QMimeData *mime);

signals:
    void asking(); // a question is about to be shown: nothing may act on the lab behind it
    void opened(); // the trace is the file's now
    void saved(); // the trace is in a file now
    void recentFilesChanged();
    void failed(const QString &message);
    void told(const QString &message, int timeoutMs); // for the status bar

private:
    int chooseConversation(const std::vector<Conversation> &conversations, const QString &name);
    void addRecentFile(const QString &path);

    Session *m_session;
    QWidget *m_window;
    Settings m_settings;
};
