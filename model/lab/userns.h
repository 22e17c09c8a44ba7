// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "laberror.h"

#include <QString>

// Ubuntu 23.10 and later (kernel.apparmor_restrict_unprivileged_userns=1) let a program make an
// unprivileged user namespace, but give it no capabilities there unless an AppArmor profile for the
// program allows `userns,`. The helper then cannot make the lab's network namespaces. These
// functions detect the restriction and say which profile lifts it, in the form of
// resources/apparmor/synscope-lab-helper.in (which `cmake --install` and app/setup.sh install).

// True when AppArmor restricts unprivileged user namespaces on this machine; procRoot is for tests.
bool userNamespacesRestricted(const QString &procRoot = QStringLiteral("/proc"));

// The profile for a helper: "synscope-lab-helper" for an installed one (in a libexec folder), and
// "synscope-lab-helper-build" for a build tree's, which app/setup.sh installs.
QString appArmorProfileName(const QString &helperPath);

// The profile's text, as resources/apparmor/synscope-lab-helper.in gives it for this name and path.
QString appArmorProfile(const QString &name, const QString &helperPath);

// The remedy for a lab refused by the restriction: the profile to load, and the one command that
// loads it (installing it first where it is not in <etcRoot>/apparmor.d yet).
QString appArmorRemedy(const QString &helperPath, const QString &etcRoot = QStringLiteral("/etc"));

// The error as the lab reports it: a refusal that the restriction explains (EPERM or EACCES from
// the helper's namespace set-up, while the restriction is on) gets the AppArmor remedy as its hint.
LabError explainUserNamespaceRefusal(LabError error, const QString &helperPath,
                                     const QString &procRoot = QStringLiteral("/proc"),
                                     const QString &etcRoot = QStringLiteral("/etc"));
