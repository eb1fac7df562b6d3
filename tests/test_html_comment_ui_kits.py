"""Comment threads drawn with UI kits' comment components, as a saved page keeps them; one synthetic
fixture each, written from the components' published markup (element names, classes and the order of
their parts); the names and texts are made up. Sources:

- Ant Design's ``Comment`` (antd 4 components/comment, and ng-zorro-antd's ``nz-comment`` template:
  ``div.ant-comment`` > ``ant-comment-inner`` > ``ant-comment-avatar`` and ``ant-comment-content``, whose
  ``ant-comment-content-author`` holds ``-author-name`` and ``-author-time``, then
  ``ant-comment-content-detail`` and ``ul.ant-comment-actions``; replies in ``ant-comment-nested``); MIT.
- Semantic UI / Fomantic UI's comment view (``div.ui.comments`` > ``div.comment`` > ``a.avatar``,
  ``div.content`` with ``a.author``, ``div.metadata``'s ``span.date``, ``div.text``, ``div.actions``;
  replies in a ``div.comments`` inside the comment); MIT. Read before: a coverage fixture.
"""

from __future__ import annotations

from comment_threads import AL_BEA_REPLY_CY, al_bea_reply_cy, assert_thread


def ant(name: str, day: int, text: str, replies: str = "") -> str:
    nested = f'<div class="ant-comment-nested">{replies}</div>' if replies else ""
    return (
        '<div class="ant-comment"><div class="ant-comment-inner"><div class="ant-comment-avatar">'
        f'<span class="ant-avatar"><img src="a.png" alt="{name}"></span></div>'
        '<div class="ant-comment-content">'
        f'<div class="ant-comment-content-author"><span class="ant-comment-content-author-name"><a>{name}</a>'
        f'</span><span class="ant-comment-content-author-time"><span>2020-04-{day} 10:15</span></span></div>'
        f'<div class="ant-comment-content-detail"><p>{text}</p></div><ul class="ant-comment-actions"><li>'
        f"<span>Reply to</span></li></ul></div></div>{nested}</div>"
    )


def test_ant_design_comments_with_name_time_and_actions_apart():
    markup = '<div class="comments"><h3>Comments</h3>' + al_bea_reply_cy(ant) + "</div>"
    assert_thread(markup, AL_BEA_REPLY_CY)


def semantic(name: str, day: int, text: str, replies: str = "") -> str:
    nested = f'<div class="comments">{replies}</div>' if replies else ""
    return (
        f'<div class="comment"><a class="avatar"><img src="a.jpg"></a><div class="content"><a class="author">'
        f'{name}</a><div class="metadata"><span class="date">April {day}, 2020 at 10:15 AM</span></div>'
        f'<div class="text">{text}</div><div class="actions"><a class="reply">Reply</a></div></div>'
        f"{nested}</div>"
    )


def test_semantic_ui_comments_coverage():
    markup = (
        '<div class="ui comments"><h3 class="ui dividing header">Comments</h3>'
        + al_bea_reply_cy(semantic)
        + "</div>"
    )
    assert_thread(markup, AL_BEA_REPLY_CY)
