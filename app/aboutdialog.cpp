// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include "run/session.h"
#if SYNSCOPE_HAVE_LAB
#include "lab/lab.h"
#endif

#include <QDialogButtonBox>
#include <QLabel>
#include <QSysInfo>
#include <QVBoxLayout>

AboutDialog::AboutDialog(const Lab *lab, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About SynScope"));
    auto *label = new QLabel(text(lab), this);
    label->setObjectName(QStringLiteral("about"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label, 1);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString AboutDialog::text(const Lab *lab)
{
    // The hosts are network namespaces on this machine: their TCP stack is this machine's kernel.
    // A lab closed while a recording or a file is shown runs there again after Ctrl+R.
    QString kernel;
#if !SYNSCOPE_HAVE_LAB
    Q_UNUSED(lab)
    kernel = tr("no lab (%1)").arg(Session::noLabReason());
#else
    if (!lab)
        kernel = tr("no lab");
    else if (lab->isReady())
        kernel = tr("Linux %1").arg(QSysInfo::kernelVersion());
    else if (lab->error().isError())
        kernel = tr("no lab (%1)").arg(lab->error().message());
    else
        kernel = tr("Linux %1 (no lab running now)").arg(QSysInfo::kernelVersion());
#endif
    return tr("<h2>SynScope %1</h2>"
              "<p>Shows which socket call produces which TCP segment: a client and a server make real calls on two "
              "real Linux TCP stacks joined by a wire you hold, drawn as the textbook's sequence diagram. It also "
              "opens saved traces and pcap captures.</p>"
              "<table cellspacing='0' cellpadding='2'>"
              "<tr><td>Qt</td><td>%2 at run time, built with %3</td></tr>"
              "<tr><td>Lab kernel</td><td>%4</td></tr>"
              "<tr><td>Licence</td><td>GPL-3.0-or-later</td></tr>"
              "</table>")
        .arg(QStringLiteral(SYNSCOPE_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             kernel.toHtmlEscaped());
}
