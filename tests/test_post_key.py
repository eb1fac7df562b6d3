import dataclasses
import datetime as dt

from export.blog.post_key import post_key
from export.model import PostInfo
from export.readers.wxr import RawComment, WxrItem

# The fields post_key names: a field added to one of these classes is to be added here and there, or left
# out of books' digests on purpose (then listed apart).
KEYED = {
    WxrItem: ["info", "content", "excerpt", "link", "creator", "comments"],
    PostInfo: [
        "post_id",
        "kind",
        "status",
        "slug",
        "title",
        "published",
        "author_login",
        "author_name",
        "categories",
        "password_protected",
    ],
    RawComment: ["id", "parent", "author", "author_url", "date", "type", "approved", "content"],
}


def _item() -> WxrItem:
    published = dt.datetime(2011, 4, 1, 12, 0, tzinfo=dt.UTC)
    info = PostInfo("7", title="Café \u2028 'x'", published=published, categories=["News", "news"])
    comment = RawComment("1", "", "Jo", "", "2011-04-01 13:00:00", "", "1", "Hi\n")
    return WxrItem(info, "<p>Body</p>", "", "https://example.org/?p=7", "jo", [comment, RawComment()])


def test_every_field_of_the_item_is_keyed_or_left_out_on_purpose() -> None:
    for cls, names in KEYED.items():
        assert [field.name for field in dataclasses.fields(cls)] == names, cls.__name__


def test_the_key_is_the_text_digests_were_made_of_before_so_books_made_before_stay_up_to_date() -> None:
    assert post_key(_item()) == (
        "WxrItem(info=PostInfo(post_id='7', kind='post', status='publish', slug=None, "
        "title=\"Café \\u2028 'x'\", "
        "published=datetime.datetime(2011, 4, 1, 12, 0, tzinfo=datetime.timezone.utc), "
        "author_login=None, author_name=None, categories=['News', 'news'], password_protected=False), "
        "content='<p>Body</p>', excerpt='', link='https://example.org/?p=7', creator='jo', "
        "comments=[RawComment(id='1', parent='', author='Jo', author_url='', date='2011-04-01 13:00:00', "
        "type='', approved='1', content='Hi\\n'), RawComment(id='', parent='', author='', author_url='', "
        "date='', type='', approved='', content='')])"
    )
