// SPDX-License-Identifier: MIT
// Issue 16 item 3 with the real QtWebEngine in process: only input that reaches the view through
// Qt (a person) opens a web link, once per click or key press, however many navigations the
// page's scripts start.

#include <app_bridge.h>
#include <app_scheme_handler.h>
#include <database_thread.h>
#include <external_link_opener.h>
#include <main_window.h>
#include <web_page.h>

#include "wait_until.h"

#include <gtest/gtest.h>

#include <QDeadlineTimer>
#include <QKeySequence>
#include <QList>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>
#include <QWebChannel>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <chrono>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace quire::test {
namespace {

using app::AppSchemeHandler;
using app::ExternalLinkOpener;

/** @brief The app's page in a shown view, with a link over its top-left corner. */
class WebViewTest : public ::testing::Test
{
protected:
    WebViewTest()
        : m_links([this](const QUrl &url) {
            m_opened.append(url);
            return true;
        })
    {
        m_profile.installUrlSchemeHandler(AppSchemeHandler::scheme, &m_schemeHandler);
        app::applySecureSettings(m_profile);
        m_channel.registerObject(u"app"_s, &m_app);
        m_page = std::make_unique<app::WebPage>(&m_profile, m_links);
        m_page->setAppChannel(&m_channel);
        m_view.setPage(m_page.get());
        m_view.resize(800, 600);
        m_links.watchInput(&m_view);
    }

    ~WebViewTest() override
    {
        m_view.setPage(nullptr);
        m_page.reset();
    }

    void SetUp() override
    {
        QSignalSpy loaded(m_page.get(), &QWebEnginePage::loadFinished);
        m_page->load(AppSchemeHandler::entryUrl());
        m_view.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_view));
        ASSERT_TRUE(waitUntil([&] { return !loaded.isEmpty(); })) << "the app's page did not load";
        ASSERT_TRUE(loaded.first().first().toBool());
        ASSERT_TRUE(waitUntil([&] { return m_view.focusProxy() != nullptr; }));
        run(uR"(
            const link = Object.assign(document.createElement('a'), { id: 'external', href: 'https://example.com/person', textContent: 'out' });
            Object.assign(link.style, { position: 'fixed', left: '0', top: '0', width: '200px', height: '100px', display: 'block', zIndex: '99999', background: 'white' });
            document.body.append(link);
            true
        )"_s);
    }

    /** @brief Runs `script` in the page and returns its value. */
    QVariant run(const QString &script)
    {
        QVariant result;
        bool done = false;
        m_page->runJavaScript(script, [&](const QVariant &value) {
            result = value;
            done = true;
        });
        EXPECT_TRUE(waitUntil([&] { return done; })) << script.toStdString();
        return result;
    }

    /** @brief What has been opened once the page has had `settle` to start more navigations. */
    QList<QUrl> openedAfter(std::chrono::milliseconds settle = 500ms)
    {
        QTest::qWait(static_cast<int>(settle.count()));
        return m_opened;
    }

    QWebEngineProfile m_profile;
    AppSchemeHandler m_schemeHandler;
    app::DatabaseThread m_database {u":memory:"_s};
    app::AppBridge m_app {m_database};
    QWebChannel m_channel;
    QList<QUrl> m_opened;
    ExternalLinkOpener m_links;
    std::unique_ptr<app::WebPage> m_page;
    QWebEngineView m_view;
};

TEST_F(WebViewTest, ScriptedNavigationsToTheWebOpenNothing)
{
    // When
    run(uR"(
        location.href = 'https://example.com/by-location';
        for (let i = 0; i < 20; i += 1) document.getElementById('external').click();
    )"_s);
    // Then
    EXPECT_EQ(openedAfter(), QList<QUrl> {});
    EXPECT_EQ(m_page->url(), AppSchemeHandler::entryUrl());
}

TEST_F(WebViewTest, APersonsClickOnALinkOpensItOnce)
{
    // When
    QTest::mouseClick(m_view.focusProxy(), Qt::LeftButton, {}, QPoint(50, 50));
    // Then
    ASSERT_TRUE(waitUntil([&] { return !m_opened.isEmpty(); })) << "the click did not open the link";
    EXPECT_EQ(openedAfter(), QList<QUrl> {QUrl(u"https://example.com/person"_s)});
    EXPECT_EQ(m_page->url(), AppSchemeHandler::entryUrl());
}

TEST_F(WebViewTest, EnterOnAFocusedLinkOpensItOnce)
{
    // Given
    run(u"document.getElementById('external').focus(); document.activeElement.id"_s);
    // When
    QTest::keyClick(m_view.focusProxy(), Qt::Key_Return);
    // Then
    ASSERT_TRUE(waitUntil([&] { return !m_opened.isEmpty(); })) << "Enter did not open the link";
    EXPECT_EQ(openedAfter(), QList<QUrl> {QUrl(u"https://example.com/person"_s)});
}

TEST_F(WebViewTest, ScriptsRidingOnAPersonsClickGetOneOpeningInAll)
{
    // Given a page that answers the click with twenty navigations of its own
    run(uR"(
        document.getElementById('external').addEventListener('click', () => {
            for (let i = 0; i < 20; i += 1)
                Object.assign(document.createElement('a'), { href: `https://example.com/extra-${i}` }).click();
            location.href = 'https://example.com/extra-location';
        });
        true
    )"_s);
    // When
    QTest::mouseClick(m_view.focusProxy(), Qt::LeftButton, {}, QPoint(50, 50));
    // Then
    ASSERT_TRUE(waitUntil([&] { return !m_opened.isEmpty(); }));
    EXPECT_EQ(openedAfter(1000ms).size(), 1);
}

TEST_F(WebViewTest, AClickSomewhereElseDoesNotLicenseALaterScriptedOpening)
{
    // Given a click outside the link, and time for it to expire
    QTest::mouseClick(m_view.focusProxy(), Qt::LeftButton, {}, QPoint(400, 400));
    QTest::qWait(static_cast<int>(ExternalLinkOpener::gestureLifetime.count()) + 200);
    // When
    run(u"location.href = 'https://example.com/later'"_s);
    // Then
    EXPECT_EQ(openedAfter(), QList<QUrl> {});
}

} // namespace
} // namespace quire::test

namespace quire::test {
namespace {

/** @brief The main window over the app's page, shown, with its web view's widgets in place. */
class MainWindowTest : public ::testing::Test
{
protected:
    MainWindowTest()
        : m_links([](const QUrl &) { return true; })
    {
        m_profile.installUrlSchemeHandler(AppSchemeHandler::scheme, &m_schemeHandler);
        app::applySecureSettings(m_profile);
        m_page = std::make_unique<app::WebPage>(&m_profile, m_links);
        m_window = std::make_unique<app::MainWindow>(m_page.get());
    }

    ~MainWindowTest() override
    {
        m_window.reset();
        m_page.reset();
    }

    void SetUp() override
    {
        QSignalSpy loaded(m_page.get(), &QWebEnginePage::loadFinished);
        m_page->load(AppSchemeHandler::entryUrl());
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        ASSERT_TRUE(waitUntil([&] { return !loaded.isEmpty(); })) << "the app's page did not load";
        ASSERT_TRUE(waitUntil([&] { return m_window->view()->focusProxy() != nullptr; }));
    }

    /** @brief Drags `mime` over the web view's rendering widget and drops it, as the system's drag and drop does. */
    bool dropOnTheView(QMimeData &mime)
    {
        QWidget *target = m_window->view()->focusProxy();
        const QPoint at(100, 100);
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &enter);
        QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &drop);
        return enter.isAccepted() && drop.isAccepted();
    }

    QWebEngineProfile m_profile;
    AppSchemeHandler m_schemeHandler;
    ExternalLinkOpener m_links;
    std::unique_ptr<app::WebPage> m_page;
    std::unique_ptr<app::MainWindow> m_window;
};

TEST_F(MainWindowTest, OneFileDroppedOnThePageIsOfferedForImport)
{
    QSignalSpy dropped(m_window.get(), &app::MainWindow::fileDropped);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(u"/tmp/tasks.ics"_s)});

    EXPECT_TRUE(dropOnTheView(mime));

    ASSERT_EQ(dropped.size(), 1);
    EXPECT_EQ(dropped.first().first().toString(), u"/tmp/tasks.ics"_s);
}

TEST_F(MainWindowTest, SeveralFilesOrAWebLinkAreNotOffered)
{
    QSignalSpy dropped(m_window.get(), &app::MainWindow::fileDropped);
    QMimeData two;
    two.setUrls({QUrl::fromLocalFile(u"/tmp/a.ics"_s), QUrl::fromLocalFile(u"/tmp/b.ics"_s)});
    QMimeData web;
    web.setUrls({QUrl(u"https://example.com/tasks.ics"_s)});

    dropOnTheView(two);
    dropOnTheView(web);

    EXPECT_TRUE(dropped.isEmpty());
}

/** @brief The menu bar's action titled `text` (mnemonic '&'s and the key after a tab left out) in the menu `menu`. */
QAction *menuAction(QMainWindow &window, const QString &menu, const QString &text)
{
    for (QAction *top : window.menuBar()->actions()) {
        if (top->text().remove(u'&') != menu || !top->menu())
            continue;
        for (QAction *item : top->menu()->actions()) {
            if (item->text().remove(u'&').section(u'\t', 0, 0) == text)
                return item;
        }
    }
    return nullptr;
}

TEST_F(MainWindowTest, TheMenuBarShowsThePlatformsKeysWithoutTakingThemFromThePage)
{
    QStringList menus;
    for (QAction *top : m_window->menuBar()->actions())
        menus.append(top->text().remove(u'&'));
    EXPECT_EQ(menus, QStringList({u"File"_s, u"Edit"_s, u"View"_s, u"Help"_s}));

    QAction *undo = menuAction(*m_window, u"Edit"_s, u"Undo"_s);
    ASSERT_NE(undo, nullptr);
    EXPECT_EQ(undo->text().section(u'\t', 1), QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText));
    // Shown only: bound here, Ctrl+Z would no longer reach the page's text fields.
    EXPECT_TRUE(undo->shortcut().isEmpty());
    QAction *find = menuAction(*m_window, u"Edit"_s, u"Search all tasks"_s);
    ASSERT_NE(find, nullptr);
    EXPECT_EQ(find->text().section(u'\t', 1), QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText));
}

TEST_F(MainWindowTest, AViewMenuItemAsksThePageForItsAction)
{
    QSignalSpy chosen(m_window.get(), &app::MainWindow::actionChosen);
    QAction *today = menuAction(*m_window, u"View"_s, u"Today"_s);
    QAction *palette = menuAction(*m_window, u"View"_s, u"Command palette…"_s);
    ASSERT_NE(today, nullptr);
    ASSERT_NE(palette, nullptr);

    today->trigger();
    palette->trigger();

    ASSERT_EQ(chosen.size(), 2);
    EXPECT_EQ(chosen.at(0).first().toString(), u"go-to:today"_s);
    EXPECT_EQ(chosen.at(1).first().toString(), u"command-palette"_s);
}

} // namespace
} // namespace quire::test
