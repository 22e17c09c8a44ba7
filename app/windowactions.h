// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings.h"

#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>

class QAction;
class QActionGroup;
class QDockWidget;
class QMainWindow;
class QMenu;

// The window's commands: every action with its text, tip and keys, checked as the settings say,
// and the menus and the tool bar that hold them. The window connects to them by name; Help → Keys
// reads them back, so the list of keys is always what the window does.
class WindowActions : public QObject {
    Q_OBJECT
public:
    explicit WindowActions(QMainWindow *window);

    // A number style in the window's language, in a sentence ("symbolic"): the settings keep the
    // English name (numberStyleName()).
    static QString numberStyleText(NumberStyle style);

    QAction *action(const QString &name) const; // by objectName ("open", "next", "flavourQt", …)
    QActionGroup *numbers() const { return m_numbers; } // one per NumberStyle, the style its data()
    QActionGroup *flavours() const { return m_flavours; } // "flavourBsd", "flavourQt"

    // The menu bar and the transport tool bar; the docks' show/hide actions go under View.
    void buildMenus(const QList<QDockWidget *> &docks);
    void setRecentFiles(const QStringList &paths);
    // T takes over a recording played back, and once taken over goes back to it.
    void showTakeOver(bool playback, bool takenOver);
    // A build without the lab: what needs live kernels stays off, its tooltip saying why.
    void leaveOutLab(const QString &why);

signals:
    void recentFileChosen(const QString &path);
    void scenarioChosen(const QString &id);
    void speedChosen(qreal factor);

private:
    QAction *make(const QString &name, const QString &text, const QString &tip, QList<QKeySequence> keys = {});
    QAction *makeToggle(const QString &name, const QString &text, const QString &tip, bool on,
                        QList<QKeySequence> keys = {});
    void add(QMenu *menu, std::initializer_list<const char *> names) const;

    QMainWindow *m_window;
    Settings m_settings; // its own: as a child of the window it outlives the window's members
    QHash<QString, QAction *> m_actions;
    QActionGroup *m_numbers = nullptr;
    QActionGroup *m_flavours = nullptr;
    QActionGroup *m_ipVersions = nullptr; // "ipv4", "ipv6"
    QMenu *m_recent = nullptr;
    QString m_noLab; // why the lab's actions are off (a build without the lab); empty: they work
};
