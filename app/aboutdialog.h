// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class Lab;

// Help → About SynScope: what it is, its version, the Qt it runs on and was built with, the kernel
// its lab runs (both hosts share the machine's kernel), and its licence.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    AboutDialog(const Lab *lab, QWidget *parent = nullptr);

    // The dialog's text (HTML), for a lab that runs or not (nullptr: none; always, in a build without it).
    static QString text(const Lab *lab);
};
