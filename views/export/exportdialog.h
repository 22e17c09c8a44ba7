// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class Trace;

// File → Export: format, file, scale, step range, slide build (with question slides), theme. Starts from the window's
// current diagram settings, so the export looks like the screen. Export runs the export and
// closes the dialog when it worked; when it failed, the dialog stays open with the reason shown.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const Trace &trace, const DiagramOptions &current, QWidget *parent = nullptr);

    void setPath(const QString &path);
    QString path() const;
    void setFormat(Export::Format format);
    Export::Format format() const;
    Export::Options options() const;
    // Captions in the reader's language (Export::Options::captionText).
    void setCaptionText(std::function<QString(int, const QString &)> text) { m_captionText = std::move(text); }
    QString errorText() const; // the last failure shown, empty if none
    QString summary() const; // what the last export wrote (for the status bar)

public slots:
    void accept() override;

signals:
    void exported(const QString &summary);

private:
    void formatChanged();
    void browse();
    void updateEnabled();

    const Trace &m_trace;
    DiagramOptions m_current;
    std::function<QString(int, const QString &)> m_captionText;
    int m_stepCount = 0; // the scenario's steps when the trace has them, otherwise rows
    QComboBox *m_format = nullptr;
    QLineEdit *m_path = nullptr;
    QComboBox *m_scale = nullptr;
    QSpinBox *m_from = nullptr;
    QSpinBox *m_to = nullptr;
    QCheckBox *m_perStep = nullptr;
    QCheckBox *m_predict = nullptr;
    QCheckBox *m_captions = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_numbers = nullptr;
    QCheckBox *m_transparent = nullptr;
    QCheckBox *m_handout = nullptr;
    QComboBox *m_paper = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_summary;
};
