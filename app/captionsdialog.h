// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QTableWidget;
struct Scenario;

// Before what was done by hand is saved as a scenario: its steps in a list, each caption editable
// (the recorder writes "The server calls listen(3, 5). Make the socket a listener: …"; a lecturer
// says what the step is for). Save takes the captions as edited.
class CaptionsDialog : public QDialog {
    Q_OBJECT
public:
    CaptionsDialog(const Scenario &scenario, QWidget *parent = nullptr);

    QStringList captions() const; // one per step, as edited
    QTableWidget *table() const { return m_table; } // step, what was done, caption (editable)

private:
    QTableWidget *m_table = nullptr;
};
