// SPDX-License-Identifier: MIT
// A clang-tidy plugin for ctest lint.clang-tidy (built by tests/lint/CMakeLists.txt when the
// clang-tidy headers are installed): the check quire-skip-system-headers reports nothing; it makes
// the AST matchers of every other check walk only the declarations that are not in a system header.
//
// clang-tidy 16 matches every node of the translation unit, the Qt, libstdc++ and GoogleTest
// headers included, and only then drops the findings outside our files: two thirds of a test
// file's time went to matching code whose findings are thrown away. LLVM 22 stops doing that by
// itself (llvm-project#151035); this does it through ASTContext::setTraversalScope, the mechanism
// clangd uses to match its main file only. Our headers are not system headers, so they are
// matched as before. Everything else is untouched: the preprocessor callbacks, the compiler's
// warnings and the static analyzer (a consumer of its own, which walks the top-level declarations
// itself) see the whole file; a node of ours keeps its parents up to the translation unit, and a
// declaration its redeclarations wherever they are. What is lost: bugprone-forward-declaration-
// namespace no longer sees definitions in system headers, so an unused forward declaration of
// ours no longer points at a same-named class of Qt's in another namespace.
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"

#include <vector>

namespace {

using namespace clang;
using namespace clang::ast_matchers;

class SkipSystemHeadersCheck : public tidy::ClangTidyCheck
{
public:
    using ClangTidyCheck::ClangTidyCheck;

    // The translation unit is the first node the match finder visits, and RecursiveASTVisitor
    // reads the traversal scope when it goes into the unit's children, i.e. right after this.
    void registerMatchers(MatchFinder *finder) override { finder->addMatcher(translationUnitDecl(), this); }

    void check(const MatchFinder::MatchResult &result) override
    {
        ASTContext &context = *result.Context;
        const SourceManager &sources = context.getSourceManager();
        std::vector<Decl *> scope;
        for (Decl *declaration : context.getTranslationUnitDecl()->decls()) {
            // A macro's expansion counts where it is expanded: Q_DECLARE_METATYPE in our header is
            // ours. Implicit declarations (no location) are kept.
            const SourceLocation location = declaration->getLocation();
            if (location.isInvalid() || !sources.isInSystemHeader(location))
                scope.push_back(declaration);
        }
        context.setTraversalScope(scope);
        m_context = &context;
    }

    // Back to the whole unit once matching is done, for whatever runs after the match finder.
    void onEndOfTranslationUnit() override
    {
        if (m_context)
            m_context->setTraversalScope({m_context->getTranslationUnitDecl()});
        m_context = nullptr;
    }

private:
    ASTContext *m_context = nullptr;
};

class QuireLintModule : public tidy::ClangTidyModule
{
public:
    void addCheckFactories(tidy::ClangTidyCheckFactories &factories) override
    {
        factories.registerCheck<SkipSystemHeadersCheck>("quire-skip-system-headers");
    }
};

} // namespace

static const tidy::ClangTidyModuleRegistry::Add<QuireLintModule> quireLintModule(
    "quire-lint-module", "Quire's lint helpers: quire-skip-system-headers.");
