// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionfiles.h"

#include "captionsdialog.h"
#include "export/export.h"
#include "export/exportdialog.h"
#include "files/atomicfile.h"
#include "io/tracefile.h"
#include "panels/conversationpicker.h"
#include "run/session.h"
#include "scenario/builtinscenarios.h"
#include "trace/trace.h"
#include "trace/tracejson.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>

using namespace Qt::StringLiterals;

SessionFiles::SessionFiles(Session *session, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
{ }

bool SessionFiles::settleUnsavedWork()
{
    if (!m_session->hasUnsavedWork()) return true;
    emit asking();
    const QMessageBox::StandardButton answer = QMessageBox::question(
        m_window, tr("Unsaved Work"),
        tr("The calls and wire actions made by hand are not saved. Save the trace before going on?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

bool SessionFiles::open(const QString &path)
{
    if (!settleUnsavedWork()) return false;
    // The first bytes decide between trace and capture; a FIFO or a device is refused, not waited on.
    TraceFile file;
    QString error;
    const auto choose = [this, &file](const std::vector<Conversation> &list, QString *) {
        return chooseConversation(list, file.name());
    };
    const bool loaded = file.read(path, *m_session->trace(), choose, &error);
    if (file.replacedTrace()) m_session->showTrace(loaded ? path : QString());
    if (!loaded) {
        if (!error.isEmpty()) emit failed(tr("Cannot open: %1").arg(error));
        return false;
    }
    addRecentFile(path);
    emit opened();
    // A capture shown in part: what was left out (one line per kind, with counts), or where it was cut.
    if (const QStringList notes = m_session->trace()->info().importNotes; !notes.isEmpty())
        emit told(tr("%1: %2").arg(QFileInfo(file.name()).fileName(), notes.join(QStringLiteral("; "))), 60000);
    return true;
}

int SessionFiles::chooseConversation(const std::vector<Conversation> &conversations, const QString &name)
{
    if (conversations.empty()) {
        emit failed(tr("Cannot open %1: the capture holds no TCP connection").arg(name));
        return -1;
    }
    if (conversations.size() == 1) return conversations.front().stream;
    return ConversationPicker::pick(conversations, QFileInfo(name).fileName(), m_window);
}

void SessionFiles::openDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open Trace or Capture"), QString(),
        tr("Traces and captures (*.json *.pcap *.pcapng);;Traces (*.json);;Captures (*.pcap *.pcapng);;All files (*)"));
    if (!path.isEmpty()) open(path);
}

void SessionFiles::openRecent(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        m_settings.removeRecentFile(path);
        emit recentFilesChanged();
    }
    open(path);
}

bool SessionFiles::saveTrace(const QString &path)
{
    // Checked to the last byte and fsync'ed before it replaces the old file (see AtomicFile).
    QString error;
    if (!AtomicFile::write(path, TraceJson::save(*m_session->trace()), &error)) {
        emit failed(tr("Cannot save: %1").arg(error));
        return false;
    }
    m_session->setSaved(path);
    addRecentFile(path);
    emit saved();
    emit told(tr("Saved %1").arg(path), 5000);
    return true;
}

bool SessionFiles::save()
{
    const QString path = m_session->path();
    if (path.isEmpty() || QFileInfo(path).suffix().toLower() != u"json") return saveAs();
    return saveTrace(path);
}

bool SessionFiles::saveAs()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Trace"), m_session->path(), tr("Traces (*.json)"));
    if (path.isEmpty()) return false;
    if (QFileInfo(path).suffix().isEmpty()) path += u".json"_s;
    return saveTrace(path);
}

void SessionFiles::addRecentFile(const QString &path)
{
    m_settings.addRecentFile(path);
    emit recentFilesChanged();
}

bool SessionFiles::saveScenario(const QString &path)
{
    const QString id = QFileInfo(path).completeBaseName();
    QString error;
    if (!ScenarioFile::saveTo(path, m_session->byHandScenario(id, id, tr("Recorded by hand in SynScope.")), &error)) {
        emit failed(error);
        return false;
    }
    emit told(tr("Saved %n step(s) as %1", nullptr, m_session->byHandStepCount()).arg(path), 8000);
    return true;
}

void SessionFiles::saveScenarioDialog()
{
    if (m_session->byHandStepCount() == 0) {
        emit failed(tr("Nothing to save: make calls or deliver segments by hand first (since the lab started)."));
        return;
    }
    // Each step's caption in the lecturer's words first (the recorder's say what the call does).
    CaptionsDialog captions(m_session->byHandScenario({}, {}), m_window);
    if (captions.exec() != QDialog::Accepted) return;
    const QStringList edited = captions.captions();
    for (int k = 0; k < edited.size(); ++k) {
        if (!edited[k].trimmed().isEmpty()) m_session->setByHandCaption(k, edited[k].trimmed()); // a step needs one
    }
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save as Scenario"), QString(), tr("Scenarios (*.json)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += u".json"_s;
    saveScenario(path);
}

QString SessionFiles::scenarioFileDialog()
{
    return QFileDialog::getOpenFileName(m_window, tr("Open Scenario"), QString(),
                                        tr("Scenarios (*.json);;All files (*)"));
}

void SessionFiles::exportDialog(const DiagramOptions &options)
{
    const Trace &trace = *m_session->trace();
    if (trace.isEmpty()) {
        emit failed(tr("Nothing to export yet: the trace is empty."));
        return;
    }
    ExportDialog dialog(trace, options, m_window);
    dialog.setCaptionText(BuiltinScenarios::captionTranslator(trace));
    if (const QFileInfo file(m_session->path()); !file.filePath().isEmpty())
        dialog.setPath(file.path() + u'/' + file.completeBaseName() + u".svg"_s);
    connect(&dialog, &ExportDialog::exported, this, [this](const QString &summary) { emit told(summary, 10000); });
    dialog.exec();
}

void SessionFiles::copyImage(const DiagramOptions &diagram)
{
    const Trace &trace = *m_session->trace();
    if (trace.isEmpty()) {
        emit failed(tr("Nothing to copy: the diagram is empty."));
        return;
    }
    Export::Options options;
    options.diagram = diagram;
    // Twice the logical size: sharp on slides; the clipboard holds a bitmap, not vectors.
    options.scale = 2;
    QString error;
    if (!Export::copyImageToClipboard(trace, options, &error)) {
        emit failed(tr("Cannot copy the diagram: %1").arg(error));
        return;
    }
    emit told(tr("Copied the diagram as an image"), 5000);
}

QString SessionFiles::droppedFile(const QMimeData *mime)
{
    const QList<QUrl> urls = mime->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile()) return {};
    const QString path = urls.first().toLocalFile();
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"json" || suffix == u"pcap" || suffix == u"pcapng" ? path : QString();
}
