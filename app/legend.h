// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QString>
#include <memory>

class Trace;

// How to read the diagram: a small trace with one of each thing the diagram draws (made here,
// named as generated, never shown as a lab run), drawn by the same renderer as every diagram, and
// what each thing means. Help → Legend in the window, `--legend` for an image of it.
namespace Legend {
void build(Trace &trace);
// One line per element, as HTML list items, in the order the legend shows them.
QString explanation();
} // namespace Legend

class LegendDialog : public QDialog {
    Q_OBJECT
public:
    explicit LegendDialog(QWidget *parent = nullptr);
    ~LegendDialog() override;

private:
    std::unique_ptr<Trace> m_trace;
};
