// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>

// Answers the window's questions without a human: every QMessageBox shown is counted, its text and
// buttons kept, and the chosen button clicked once the box is up (its own event loop is running
// by then). A file dialog that opens meanwhile (Save with no file yet) is cancelled.
class MessageBoxAnswerer : public QObject {
public:
    explicit MessageBoxAnswerer(QMessageBox::StandardButton answer = QMessageBox::Discard)
        : m_answer(answer)
    {
        qApp->installEventFilter(this);
    }

    void setAnswer(QMessageBox::StandardButton answer) { m_answer = answer; }
    int asked() const { return m_asked; }
    QString lastText() const { return m_text; }
    QMessageBox::StandardButtons lastButtons() const { return m_buttons; }
    void reset() { m_asked = 0, m_text.clear(), m_buttons = {}; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Show) return false;
        if (auto *box = qobject_cast<QMessageBox *>(watched)) {
            ++m_asked;
            m_text = box->text();
            m_buttons = box->standardButtons();
            QMetaObject::invokeMethod(
                box,
                [box = QPointer<QMessageBox>(box), answer = m_answer] {
                    if (box && box->button(answer)) box->button(answer)->click();
                },
                Qt::QueuedConnection);
        } else if (auto *files = qobject_cast<QFileDialog *>(watched)) {
            QMetaObject::invokeMethod(files, &QDialog::reject, Qt::QueuedConnection);
        }
        return false;
    }

private:
    QMessageBox::StandardButton m_answer;
    int m_asked = 0;
    QString m_text;
    QMessageBox::StandardButtons m_buttons;
};
