from dateline.record import Record


def test_seed_article_is_analysed_with_offsets_into_its_text(seed_record: Record) -> None:
    assert seed_record.article.published == "2023-12-20"
    assert seed_record.article.text.startswith("The head of the Hamas political bureau")
    assert seed_record.sentences[0].start == 0
    for sentence in seed_record.sentences:
        assert seed_record.article.text[sentence.start : sentence.end] == sentence.text
