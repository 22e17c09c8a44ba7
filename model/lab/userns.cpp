// SPDX-License-Identifier: GPL-3.0-or-later
#include "userns.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>

bool userNamespacesRestricted(const QString &procRoot)
{
    QFile file(procRoot + QStringLiteral("/sys/kernel/apparmor_restrict_unprivileged_userns"));
    if (!file.open(QIODevice::ReadOnly))
        return false; // no such switch: no AppArmor, or a kernel without the restriction
    return file.read(16).trimmed() == "1";
}

QString appArmorProfileName(const QString &helperPath)
{
    return QFileInfo(helperPath).absoluteDir().dirName() == QLatin1String("libexec")
        ? QStringLiteral("synscope-lab-helper")
        : QStringLiteral("synscope-lab-helper-build");
}

QString appArmorProfile(const QString &name, const QString &helperPath)
{
    // AppArmor takes a path with spaces only in double quotes.
    const QString path = helperPath.contains(u' ') ? u'"' + helperPath + u'"' : helperPath;
    return QStringLiteral(
               "# SPDX-License-Identifier: GPL-3.0-or-later\n"
               "# Lets the SynScope lab helper make an unprivileged user namespace where AppArmor restricts them\n"
               "# (kernel.apparmor_restrict_unprivileged_userns=1, as on Ubuntu 24.04), in the form of the Ubuntu\n"
               "# profiles for such programs: unconfined otherwise.\n"
               "abi <abi/4.0>,\n"
               "\n"
               "include <tunables/global>\n"
               "\n"
               "profile %1 %2 flags=(unconfined) {\n"
               "  userns,\n"
               "\n"
               "  # Site-specific additions and overrides. See local/README for details.\n"
               "  include if exists <local/%1>\n"
               "}\n")
        .arg(name, path);
}

QString appArmorRemedy(const QString &helperPath, const QString &etcRoot)
{
    const QString name = appArmorProfileName(helperPath);
    const QString file = QStringLiteral("/etc/apparmor.d/") + name;
    const QString load = QStringLiteral("sudo apparmor_parser -r ") + file;
    const QString why =
        QCoreApplication::translate(
            "LabError",
            "AppArmor restricts unprivileged user namespaces here (kernel.apparmor_restrict_unprivileged_userns=1, as "
            "on Ubuntu 24.04), and the helper %1 runs without the AppArmor profile %2 that allows them.")
            .arg(helperPath, name);
    QFile existing(etcRoot + QStringLiteral("/apparmor.d/") + name);
    if (existing.open(QIODevice::ReadOnly) && existing.readAll().contains(QFile::encodeName(helperPath)))
        return why + u' '
            + QCoreApplication::translate("LabError", "%1 is installed but not loaded; load it with: %2")
                  .arg(file, load);
    // printf's format is the profile itself: it holds no quote, percent sign or backslash.
    QString text = appArmorProfile(name, helperPath);
    text.replace(u'\n', QStringLiteral("\\n"));
    const QString command = QStringLiteral("printf '%1' | sudo tee %2 >/dev/null && %3").arg(text, file, load);
    return why + u' '
        + QCoreApplication::translate("LabError",
                                      "Install and load it with: %1 (bash app/setup.sh run does this for a "
                                      "build tree); or run SynScope as root.")
              .arg(command);
}

LabError explainUserNamespaceRefusal(LabError error, const QString &helperPath, const QString &procRoot,
                                     const QString &etcRoot)
{
    // Not the namespace set-up: the helper was not found or not started, or /dev/net/tun (which has
    // its own remedy) refused.
    const bool setUp = !error.fatal && !error.call.startsWith(QLatin1String("exec("))
        && !error.call.startsWith(QLatin1String("posix_spawn(")) && !error.call.contains(QLatin1String("/dev/net/tun"));
    if (setUp && (error.err == EPERM || error.err == EACCES) && userNamespacesRestricted(procRoot))
        error.hint = appArmorRemedy(helperPath, etcRoot);
    return error;
}
