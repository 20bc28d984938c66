"""Personnel events of one article, read around the event verbs of ``personnel_verbs.tsv``.

Mentions (names and titles) come from :mod:`.names` sentence by sentence. Each event verb gives
event candidates: who it is about (a passive subject, an object, the subject of one's own act, the
persons of the clause it continues, people listed with their posts), the post gained or lost (a
title after the verb, the person's own cue title, a post frame, the post held, a destination body,
a charge) and who decided. Every choice is recorded as a part with the rule that made it;
:mod:`.merge` completes the candidates across the article and builds the records once.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import takewhile

import regex

from ...lexicons import alternation, lexicons
from ...model import Document, Span
from ...text.numbers import NUMBER_WORD_PATTERN, parse_number_words
from ..rules import Fired, Rule, declare
from ..phrase_search import CaselessSearch
from .grammar import descriptive_role, first_letter_either_case, grammar, looks_foreign, needs_org
from .names import NAME_PRONOUN, NAME_SPACED_HYPHEN, NameMention, Title, apposed_head, closed_apposition_end, find_names, find_titles, link, mention_start
from .orgs import org_text, read_org

NAME_GIVEN = declare("people.name.given_name", "Person",
    "a given name written bare where a clause opens, ending one full name of the article: 'Minh là giám đốc …' (Trần Tuấn Minh)")
PASSIVE_APPOSED = declare("personnel.event.passive_apposed", "PersonnelEvent",
    "the person opening the sentence, past a long apposition with no other person, clause or speech in it, undergoes "
    "the verb after 'được'/'bị': 'Ông X, ông chủ công ty Y và từng là Chủ tịch Z, đã được bầu làm Chủ tịch …'")
PASSIVE_SUBJECT = declare("personnel.event.passive_subject", "PersonnelEvent", "the person before the verb is its subject: 'ông X (, Giám đốc sở,) được bổ nhiệm'")
RECEIVED = declare("personnel.event.received", "PersonnelEvent",
    "the person before the verb receives it, with 'nhận'/'chịu' (and the form or decision) for 'bị': 'ông X, Giám đốc Sở Y, "
    "nhận kỷ luật khiển trách', 'ông X tự nhận hình thức khiển trách', 'ông X nhận quyết định nghỉ hưu'")
OBJECT = declare("personnel.event.object", "PersonnelEvent",
    "the person after the verb is its object: 'bổ nhiệm ông X giữ chức …', 'cảnh cáo đối với ông X'; not after a verb put in the "
    "passive ('bị cách chức Nhà lãnh đạo X đã …', 'được ông A bổ nhiệm vào ghế …, … ông B'), save a list it opens ('bị kỷ luật, "
    "gồm: …') or the subject right after the comma ending a fronted clause")
POSSESSOR_HEAD = declare("personnel.event.possessor_head", "PersonnelEvent",
    "the person named right after 'của' before a passive verb owns the subject, not is it; the person the phrase is "
    "apposed to undergoes the verb: 'ông A, một đồng minh của Chủ tịch B, vừa được chỉ định …', 'bà A - chị gái của ông B được "
    "bổ nhiệm …' (A), and with no such person nobody named does")
OWN_ACT = declare("personnel.event.own_act", "PersonnelEvent", "retirement or resignation by its subject: 'ông X gửi đơn xin từ chức'")
RELATIVE_OWN_ACT = declare("personnel.event.relative_own_act", "PersonnelEvent",
    "retirement or resignation in a relative clause right after the person: 'ông X, người đã từ chức vào tháng trước', 'ông X "
    "– người quyết định xin nghỉ hưu', 'ông X, Chủ tịch Y, là người vừa từ nhiệm'; not after 'và' ('ông X, Chủ tịch A và là "
    "người vừa từ nhiệm ở B': the post written is not the one left)")
ANNOUNCED_OWN_ACT = declare("personnel.event.announced_own_act", "PersonnelEvent",
    "retirement or resignation its subject makes known: 'ông X tuyên bố từ chức', 'bà Y xác nhận đã nghỉ hưu'; a plan "
    "('thông báo sẽ nghỉ hưu' with no date it takes effect) stays no event")
CONTINUED = declare("personnel.event.continued", "PersonnelEvent",
    "a verb with no person of its own continues the previous verb's: 'được điều động, bổ nhiệm', '…; đồng thời cho thôi …'")
LISTED_POST = declare("personnel.event.listed_post", "PersonnelEvent", "people listed after the verb, each with a post: 'bổ nhiệm ông A, bà B lần lượt giữ chức X, Y'")
LISTED_AFTER = declare("personnel.event.listed_after", "PersonnelEvent",
    "a verb with no person of its own takes the people the next sentence lists after 'gồm:': 'bắt tạm giam 3 bị can. Các bị can gồm: A (…); B (…)'")
MEMBER_LIST = declare("personnel.event.member_list", "PersonnelEvent",
    "an arrest, discipline or removal whose object follows a word opening a list ('gồm', 'trong đó có'; grammar class "
    "inclusion) acts on every person with a post who opens an item of the list after ':', ';', ',' or 'và', each losing "
    "the post the item gives: 'khởi tố 3 bị can gồm: A (SN …), Giám đốc X; B - Phó Giám đốc Y và C, kế toán Z'")
SCHEDULED = declare("personnel.event.scheduled", "PersonnelEvent",
    "a verb put ahead by 'sẽ' with the date it takes effect after it is decided, an event: 'ông X sẽ nghỉ hưu từ ngày 1/7'")
SANCTION_FORM = declare("personnel.event.sanction_form", "PersonnelEvent",
    "a discipline whose form is a removal is that removal, of the disciplined person: 'kỷ luật mức cách chức đối với ông X', "
    "'kỷ luật ông X bằng hình thức cách chức Bí thư …'")
UNNAMED = declare("personnel.event.unnamed", "PersonnelEvent", "an event with a post or body but no named person: 'bổ nhiệm Giám đốc Sở Y tế'")
UNNAMED_SUBJECT = declare("personnel.event.unnamed_subject", "PersonnelEvent",
    "a post with its body and no named person, opening the clause right before 'bị'/'được' and the verb, with no post after "
    "the verb, is the post its unnamed holder gains or loses: 'Giám đốc Trung tâm X bị khiển trách', 'Hiệu trưởng trường Y bị cách chức'")
RELATIVE_SUBJECT = declare("personnel.event.relative_subject", "PersonnelEvent",
    "a person followed by a relative clause about them (', người …' or '– người …') that puts the verb in the passive, "
    "with at most an agent body between: 'Bà X – người mới được HĐND tỉnh bầu làm Phó Chủ tịch …', '…, ông Y, người vừa bị cách chức …'")
CUE_OWNER = declare("personnel.event.cue_owner", "PersonnelEvent",
    "a verb after 'được'/'bị' with no person of its own, whose post follows it through a cue ('làm', 'giữ chức') and is the post "
    "the sentence gives, through that cue, to one person named before the verb, is undergone by that person: 'Giáo sư X thuộc "
    "Đại học Y ở Seoul và là cựu quan chức Bộ Z, đã được bổ nhiệm làm Phó Chánh Văn phòng …'")
FRONTED = declare("personnel.event.fronted_clause", "PersonnelEvent",
    "a verb after 'được'/'bị' in a time clause fronted to the sentence is undergone by the person opening the main clause "
    "right after its comma: 'Sau khi bị cách chức Phó giám đốc, ông Minh …', 'Trước khi được bổ nhiệm làm Tổng giám đốc, ông Nam là …'")
COUNTED_GROUP = declare("personnel.event.counted_group", "PersonnelEvent",
    "people disciplined or removed as a group, counted and not named, are one event with no person: 'UBKT thi hành kỷ luật "
    "13 đảng viên', '6 người bị cảnh cáo' (not a total followed by its breakdown in brackets)")
ROLE_AFTER_VERB = declare("personnel.role.after_verb", "PersonnelEvent.role", "a title after the verb that belongs to no other person")
ROLE_PERSON_CUE = declare("personnel.role.person_cue", "PersonnelEvent.role", "the person's own title after the verb through a cue: '… ông X giữ chức Y'")
ROLE_PERSON_TITLE = declare("personnel.role.person_title", "PersonnelEvent.role",
    "the title written before the person, after the verb: 'sa thải Giám đốc FBI James Comey'")
ROLE_POST_FRAME = declare("personnel.role.post_frame", "PersonnelEvent.role",
    "a post named by a frame before the verb: 'Ở chức danh phó chủ tịch HĐND huyện, … bầu ông X'")
ROLE_HELD = declare("personnel.role.held", "PersonnelEvent.role", "a loss event takes the post the person holds in the sentence: 'ông X, Giám đốc Sở Y, bị cách chức'")
ROLE_GAINED = declare("personnel.role.gained_not_former", "PersonnelEvent.role",
    "a post gained (appointment, election, approval, transfer …) is never one the text calls past ('cựu', 'nguyên'): that is "
    "the person's old post, passed over for the post written after it: 'chỉ định cựu Giám đốc FBI X trở thành công tố viên "
    "đặc biệt' -> 'công tố viên đặc biệt'")
ROLE_OWN_CLAUSE = declare("personnel.role.own_clause", "PersonnelEvent.role",
    "the post of a verb is in the verb's clause: a post after a word opening another clause (event_cues.tsv other_clause and "
    "fronted_time: 'khi', 'sau khi', 'vì', 'nhưng') is passed over for the post of the verb's own clause or, for a loss, the "
    "post the person holds: 'ông X bị bắt khi đang giữ chức …' stays, 'ông X bị bắt vì …, trưởng khoa …' is not the post")
ROLE_DESTINATION = declare("personnel.role.destination", "PersonnelEvent.role", "a transfer to a body, no role: 'điều động đến nhận công tác tại Ban Quản lý …'")
ROLE_CHARGE = declare("personnel.role.charge", "PersonnelEvent.role",
    "'giao … phụ trách Ban Dân vận Tỉnh ủy': the charge is the role, the body after it the organisation")
ORG_OF_TITLE = declare("personnel.organization.of_title", "PersonnelEvent.organization", "the organisation written with the title of the post")
ORG_AFTER_OF = declare("personnel.organization.after_of", "PersonnelEvent.organization",
    "a post written with no body, then ('mới'/'đầu tiên' and) 'của' and a body or a capitalised name that is no person or "
    "title, is of that body: 'được bổ nhiệm làm Ngoại trưởng mới của Hàn Quốc', 'từ chức Giám đốc điều hành của Kaspersky Lab'")
ORG_OF_DECIDER = declare("personnel.organization.of_decider", "PersonnelEvent.organization",
    "a post gained or taken away with no body, decided by a subject that no lexicon reads as a body or title (a club, a "
    "company: personnel.actor.clause_subject), is a post of that subject: 'Barca đã bổ nhiệm HLV X', 'JVC miễn nhiệm chức danh "
    "Tổng Giám đốc đối với ông Y'; and a company's board deciding is its company's: 'Hội đồng quản trị Sacombank đã bổ nhiệm "
    "bà X giữ chức Tổng giám đốc' -> 'Sacombank'")
ORG_SHARED = declare("personnel.organization.shared_post", "PersonnelEvent.organization",
                     "a post written with no body right before a comma or 'kiêm' and a post with one holds that body too, as the "
                     "person's title does: 'kỷ luật ông A (Chủ tịch HĐQT, Tổng giám đốc Công ty X)' -> Chủ tịch HĐQT of Công ty X")
ORG_COORDINATED = declare("personnel.organization.coordinated", "PersonnelEvent.organization",
    "one more organisation joined by 'và': 'Giám đốc Trung tâm A và Trung tâm B'")
ACTOR_SUBJECT = declare("personnel.actor.subject", "PersonnelEvent.actor",
    "the person right before the verb acts on the person named after it, or on the post after it when no person is named: "
    "'ông Trump sa thải giám đốc FBI James Comey', 'Tổng thống Moon hôm qua bổ nhiệm Ngoại trưởng'; not a person who is the "
    "object of a personnel verb before them ('sa thải A, sa thải B') or the subject of another one between ('khi ông A từ "
    "nhiệm, Công ty B đã bổ nhiệm …')")
ACTOR_FRONTED = declare("personnel.actor.fronted_clause", "PersonnelEvent.actor",
    "a verb opening the sentence before a comma is done by the person opening the main clause after it, with an adverb of "
    "their own verb: 'Sa thải Giám đốc FBI …, Tổng thống Mỹ Donald Trump đã gây ra …'")
ACTOR_HANDOVER = declare("personnel.actor.handover", "PersonnelEvent.actor",
    "a person named before the verb who hands over or announces: 'ông X trao quyết định bổ nhiệm'; not a speaker telling "
    "of a body's decision ('ông X cho biết, cơ quan điều tra vừa tống đạt quyết định khởi tố …': the body decided)")
ACTOR_BODY = declare("personnel.actor.body", "PersonnelEvent.actor", "'được Ban Thường vụ Tỉnh ủy điều động', 'Quyết định của Ban Bí thư chỉ định': the body")
ACTOR_SUBJECT_BODY = declare("personnel.actor.subject_body", "PersonnelEvent.actor", "a body that opens the clause and decides: 'UBND tỉnh trao quyết định bổ nhiệm …'")
ACTOR_SUBJECT_CHAIN = declare("personnel.actor.subject_chain", "PersonnelEvent.actor",
    "a body or a title with its body opening the clause decides the act it reaches through its steps, a date or acts joined "
    "before it: 'Huyện ủy X đã họp và quyết định kỷ luật …', 'Công an huyện X ngày 20/5 đã khởi tố vụ án, khởi tố bị can …'")
ACTOR_BODY_ANAPHOR = declare("personnel.actor.body_anaphor", "PersonnelEvent.actor",
    "'cơ quan này'/'đơn vị này' opening the clause and deciding is the last body named before it: 'Công an tỉnh X cho hay, cơ quan này vừa bắt …'")
ACTOR_LIST_DECIDER = declare("personnel.actor.list_decider", "PersonnelEvent.actor",
    "an event after a colon with no decider of its own takes the body or title deciding a verb of the same type before the colon: "
    "'Giám đốc Bệnh viện X đã ra quyết định kỷ luật các cá nhân gồm: bác sĩ A nhận hình thức khiển trách; …'")
ACTOR_AGENT_AFTER = declare("personnel.actor.agent_after", "PersonnelEvent.actor",
    "a person or body named after 'bởi' right after the verb: 'được bổ nhiệm bởi Tổng thống Barack Obama', 'bầu bởi Đại hội đồng Interpol'")
ACTOR_AGENT_PHRASE = declare("personnel.actor.agent_phrase", "PersonnelEvent.actor",
    "a body written in lower case after 'được'/'bị' and running up to the verb (its bracketed abbreviation kept, the verb's "
    "adverbs left out): 'bị cơ quan chức năng tỉnh X bắt giữ', 'được cơ quan xúc tiến du lịch Nhật Bản (JNTO) chính thức bổ nhiệm'")
ACTOR_AGENT = declare("personnel.actor.agent", "PersonnelEvent.actor",
    "a person named after 'được'/'bị' right before the verb: 'được Chủ tịch UBND tỉnh Ma Văn Khánh bổ nhiệm'")
ACTOR_AGENT_ADVERB = declare("personnel.actor.agent_adverb", "PersonnelEvent.actor",
    "a person named after 'được'/'bị' with only the verb's adverbs between them and the verb: 'bị Tổng thống Donald Trump "
    "bất ngờ sa thải', 'được Bộ trưởng Trần Văn Bình chính thức bổ nhiệm'")
ACTOR_CAPITALISED_AGENT = declare("personnel.actor.capitalised_agent", "PersonnelEvent.actor",
    "where no body or title is read there, the capitalised words (an abbreviation or a name no lexicon reads as a body, "
    "naming no person) between 'được'/'bị' and the verb, its adverbs aside: 'được HĐQT bổ nhiệm', 'bị Sabeco miễn nhiệm'")
ACTOR_ANNOUNCER = declare("personnel.actor.announcer", "PersonnelEvent.actor",
    "a person or a body opening the clause who says they have done the act: 'ông X, Giám đốc Sở Y, cho biết đã thi hành kỷ luật …', "
    "'Công an TP Hà Nội cho biết đã ra quyết định khởi tố …'")
ACTOR_TITLE = declare("personnel.actor.acting_title", "PersonnelEvent.actor", "a title with no name right before the verb decides: 'đã được Thủ tướng phê chuẩn'")
ACTOR_SUBJECT_TITLE = declare("personnel.actor.subject_title", "PersonnelEvent.actor",
    "a title with no name that opens the clause and decides: 'Theo đó, Giám đốc Sở Y tế quyết định khiển trách ông X; cách chức …'")
ACTOR_GROUP_SUBJECT = declare("personnel.actor.group_subject", "PersonnelEvent.actor",
    "a counted group's decider, where no other actor is read: the capitalised subject opening the clause right before the verb "
    "(its adverbs and light verb aside): 'UBKT các cấp thi hành kỷ luật 13 đảng viên'")
ACTOR_CLAUSE_SUBJECT = declare("personnel.actor.clause_subject", "PersonnelEvent.actor",
    "where no other actor is read, the subject opening the clause right before an active verb (its adverbs, deciding steps "
    "and issued decision aside), naming no person: a title ('Tổng thống Hàn Quốc đã bổ nhiệm ông X') or capitalised words "
    "that no lexicon reads as a body ('Barca đã bổ nhiệm HLV X', 'HĐQT đã nhất trí bầu ông X')")
ACTOR_INVESTIGATOR = declare("personnel.actor.investigating_body", "PersonnelEvent.actor",
    "where no other actor is read, an arrest or prosecution is decided by the investigating police body named last before "
    "its verb in the sentence, with its parent body, undergoing nothing and with no person between: 'cơ quan Cảnh sát điều "
    "tra, Bộ Công an cho biết đã khởi tố ông X', 'Cơ quan CSĐT Bộ Công an … khởi tố …', 'Phòng CSĐT tội phạm về môi trường "
    "(PC49) Công an tỉnh X … bắt tạm giam …'")
ACTOR_PREVIOUS_DECISION = declare("personnel.actor.previous_decision", "PersonnelEvent.actor",
    "an event with no decider of its own, in a sentence that opens on a detail opener ('Theo đó', 'Trong đó', 'Cụ thể'; "
    "event_cues kind detail_opener) or tells it in the passive with no agent, takes the decider of a decision of its kind "
    "(arrest; discipline or removal; a post given) stated in the sentence right before, when that decider is no person the "
    "event is about: 'Ngày 5/3, Ban Bí thư đã quyết định kỷ luật … . Theo đó, ông A bị cách chức …', 'Cơ quan điều tra đã "
    "khởi tố 3 bị can. Những người bị khởi tố gồm ông A …'")
ACTOR_SESSION_BODY = declare("personnel.actor.session_body", "PersonnelEvent.actor",
    "where no other actor is read, a vote (an election, a removal, an approval) is decided by the assembly (grammar class "
    "assembly: HĐND, Quốc hội, Ủy ban Thường vụ Quốc hội) whose session (event_cues kind session: 'kỳ họp', 'phiên họp') the "
    "sentence names before the verb, with no other personnel verb between, right after the session or opening the clause "
    "after it: 'Tại kỳ họp thứ 5 HĐND tỉnh X, "
    "các đại biểu đã bầu ông A …', 'Tại kỳ họp này, HĐND thành phố đã tiến hành công tác nhân sự, bầu …'")
ACTOR_MEETING_BODY = declare("personnel.actor.meeting_body", "PersonnelEvent.actor",
    "where no other actor is read, a verb right after its decision or a deciding step ('quyết định', 'quyết định thi hành', "
    "'thống nhất'; grammar classes decision_noun, deciding_step and light_verb) is decided by the body opening the sentence "
    "(after a date or a detail opener) that takes a deciding step or issues a decision on its way there ('họp', 'thống "
    "nhất', 'ra quyết định'), the step's own details and commas between: 'Ngày 5/3, Ban Thường vụ Tỉnh ủy X đã họp, xem xét "
    "…, quyết định kỷ luật ông A', 'Ban Bí thư thống nhất …, quyết định thi hành kỷ luật …', 'Ủy ban kiểm tra "
    "tỉnh ủy X đã họp và thống nhất kỷ luật ông A'; a body the lexicons read, or capitalised words naming no person, with no "
    "person, personnel verb or \"được\"/\"bị\" between them and the verb")
PERSON_ACTORS = (ACTOR_SUBJECT, ACTOR_HANDOVER, ACTOR_AGENT, ACTOR_AGENT_ADVERB, ACTOR_ANNOUNCER)  # actors read as a person's name
DATE_YEAR = declare("personnel.date.year", "PersonnelEvent.date",
    "a year that dates the event's clause, where no finer date is written: 'Năm 2016, ông X trúng cử …', '… được bổ nhiệm vào năm 2013' -> '2016'")
DATE_IN_SENTENCE = declare("personnel.date.sentence", "PersonnelEvent.date", "a full date written in the event's sentence: 'ngày 5/3/2024', 'ngày 5 tháng 3 năm 2024'")
DATE_DAY_MONTH = declare("personnel.date.day_month", "PersonnelEvent.date",
    "a day and month in the event's sentence ('ngày 22/6', 'hôm 18-5') dated with the year of the article's latest full "
    "date, unless it falls more than two months before that date in the year: then it is left undated (a writer gives the year "
    "of a date of another year: 'ngày 19/5' in an article citing '9/12/2016' is most often of the next year)")
DATE_DAY_MONTH_PUBLISHED = declare("personnel.date.day_month_published", "PersonnelEvent.date",
    "a day and month in the event's sentence ('ngày 19/5', 'hôm 18-5') dated with the year of the article's publication date when "
    "the page or the caller gives it, the year before when that day would fall after publication ('ngày 28/12' in an article "
    "published on 2017-01-05 -> '2016-12-28'); instead of personnel.date.day_month")
DATE_MONTH_YEAR = declare("personnel.date.month_year", "PersonnelEvent.date", "a month and year in the event's sentence: 'tháng 1/2018' -> '2018-01'")


def _words(*classes: str) -> list[str]:
    """The words of classes of grammar_words.tsv (for ``alternation``)."""
    return [w for c in classes for w in lexicons().grammar(c)]


def _any(*classes: str) -> str:
    """A group matching any word of classes of grammar_words.tsv."""
    return f"(?:{alternation(_words(*classes))})"


@lru_cache(maxsize=2)
def _appositions(title_tail: int = 30) -> str:
    """Lower-case tails and descriptions between a person's appositions and the verb: "Phó Giám đốc bệnh viện –",
    "…, người có vi phạm nghiêm trọng, bị", ", 40 tuổi,", and particulars in brackets: "ông X (SN 1970, trú tại …) bị",
    "ông Kim Dong-yeon (Kim Đông Yiên) được"; ``title_tail``: how long the lower-case tail may be (longer right after a
    title: "cựu cố vấn | đặc biệt của Tổng thư ký Liên hợp quốc,")."""
    closing = r"(?:[^()]{0,80}\))?"  # the gap opens inside the bracket holding the person's post: "ông X (Phó Chủ tịch …) bị"
    return (closing + rf"(?:\s+\p{{Ll}}[^,;–()]{{0,{title_tail}}}(?:,|\s[–-])|,\s+\p{{Ll}}[^,;]{{0,100}}(?=,)|,\s+\d{{1,3}}\s+{_any('age')}(?=,)"
            rf"|\s*\([^()]{{1,80}}\)){{0,3}}")


@lru_cache(maxsize=2)
def _passive_gap(after_title: bool = False) -> regex.Pattern[str]:
    """All between a person and the verb they undergo: "đã được", "để được", "bị xử lý", "tự nhận hình thức" (khiển trách)."""
    before = alternation([*_words("adverb_before_verb"), *cue_words("purpose"), *cue_words("future")])  # "sẽ": kept only when scheduled
    undergo = rf"(?:{_any('passive')}|{_any('receive')}(?:\s+{_any('received_form')})*)"  # "bị", "nhận hình thức", "chịu"
    tail = rf"(?i:{_dated()}?[\s,–-]*(?:(?:{before}) )*{undergo}?\s*(?:{_any('adverb_before_verb', 'light_verb')} )*\s*)$"
    return regex.compile(_appositions(60 if after_title else 30) + tail)


@lru_cache(maxsize=1)
def _received() -> regex.Pattern[str]:
    """"nhận hình thức", "tự nhận", "chịu" right before the verb (past its light verb): the person receives it."""
    return regex.compile(rf"(?i)(?<![\p{{L}}]){_any('receive')}(?:\s+{_any('received_form')})*\s+(?:{_any('light_verb')}\s+)?$")


@lru_cache(maxsize=1)
def _dated() -> str:
    """A day and month between a subject and its verb: "Emmanuel Macron ngày 15/5 đã chỉ định …", "…, chiều 22-5, bị bắt"."""
    return rf"(?:[\s,]+(?:{_any('day_word', 'time_of_day')}\s+)+\d{{1,2}}\s*[/.-]\s*\d{{1,2}}(?:\s*[/.-]\s*\d{{4}})?,?)"


@lru_cache(maxsize=2)
def _passive_by(after_title: bool = False) -> regex.Pattern[str]:
    """"được"/"bị" opening an agent after a person: "ông X đã được <HĐND tỉnh> bầu"."""
    return regex.compile(_appositions(60 if after_title else 30) + rf"(?i:[\s,–-]*(?:{_any('adverb_before_verb')} )*{_any('passive')}\s+)")


_DATED_OPENER = regex.compile(r"[^,;\d]{0,25}\d[^,;]{0,20},\s*")  # "Năm 2019, ", "Sáng 14/8, ", "Ngày 12 tháng 9 năm 2023, "


@lru_cache(maxsize=1)
def _full_date() -> regex.Pattern[str]:
    """A full date: "ngày 5/3/2024", "ngày 5 tháng 3 năm 2024"."""
    day, month, year = _any("date_day"), _any("date_month"), _any("date_year")
    return regex.compile(
        rf"(?i){day}\s+(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*(\d{{4}})|{day}\s+(\d{{1,2}})\s+{month}\s+(\d{{1,2}})\s+{year}\s+(\d{{4}})"
    )


@lru_cache(maxsize=1)
def _day_month() -> regex.Pattern[str]:
    """A day and month with no year ("ngày 22/6", "hôm 18-5", "sáng 14/8"): dated with the article's year."""
    return regex.compile(
        rf"(?i)(?<![\p{{L}}]){_any('day_word', 'time_of_day')}\s+(?:{_any('date_day')}\s+)?(\d{{1,2}})\s*[/-]\s*(\d{{1,2}})(?![\d/.-]|\s*[/.-]\s*\d)"
    )


@lru_cache(maxsize=1)
def _month_year() -> regex.Pattern[str]:
    """A month and year ("tháng 1/2018", "tháng 6-2012", "tháng 9 năm 2023")."""
    return regex.compile(rf"(?i)(?<![\p{{L}}]){_any('date_month')}\s+(\d{{1,2}})\s*(?:[/-]|\s+{_any('date_year')}\s+)\s*((?:19|20)\d{{2}})(?!\d)")


_FULL_DATE_YEAR = regex.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)")
LOSS = ("dismissal", "retirement", "discipline", "arrest", "resignation")
ENDS_POST = ("dismissal", "retirement", "resignation")
_SELF = ("retirement", "resignation")  # the subject acts: "ông X gửi đơn xin từ chức"
MOVES = ("transfer", "rotation", "secondment")  # a named person moved is an event even with no post: "ông X đã được điều chuyển công tác"
RATIFIES = ("approval",)  # "Kết quả bầu đối với bà X đã được Thủ tướng phê chuẩn": the post of an earlier event


@lru_cache(maxsize=1)
def verb_pattern() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?P<v>{alternation(lexicons().personnel_verbs)})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _verb_search() -> CaselessSearch:
    """``verb_pattern()`` searched through the places a personnel verb starts."""
    return CaselessSearch(verb_pattern(), lexicons().personnel_verbs)


@dataclass
class Sentence:
    """One sentence with its titles, name mentions and personnel verbs (read once)."""

    span: Span
    titles: list[Title]
    names: list[NameMention]
    verbs: list[regex.Match[str]]


@dataclass
class Candidate:
    """A personnel event before it becomes a record: its fields and where each was read."""

    type: str
    rule: Rule
    sentence: Span
    verb: tuple[int, int]
    person: NameMention | None
    name: str | None = None  # the person's full name, resolved across the article
    former: bool = False  # the post was written as a past one ("nguyên Giám đốc") where the event names it
    role: str | None = None
    organization: str | None = None
    actor: str | None = None
    date: str | None = None
    group: str | None = None  # the verb and the counted group of unnamed people it acts on ("kỷ luật 13 đảng viên")
    own_body: Fired | None = None  # the club or company deciding a post with no body: the post's body, if no other is read
    parts: dict[str, Fired] = field(default_factory=dict)


def mentions(doc: Document) -> list[Sentence]:
    """Titles, names and verbs of every sentence; pronouns resolved, proposed posts dropped."""
    out = []
    by_sentence = _verbs_by_sentence(doc)
    for span, candidates in zip(doc.sentences, by_sentence):
        verbs = [v for v in candidates if _names_event(v) and not _in_proper_name(doc.text, span, v)]
        verbs = [v for v in verbs if not _nickname(doc.text, span, v) and not _approves_act(doc.text, v, verbs)]
        titles = find_titles(doc.text, span)
        verbs = [v for v in verbs if not any(t.start < v.start() < t.end for t in titles)]  # "Trưởng ban Kỷ luật VFF"
        out.append(_read_names(doc.text, Sentence(span, titles, [], verbs), []))
    given = _given_names(full_names(out))
    for i, s in enumerate(out):
        found = _given_mentions(doc.text, s, given)
        if found:  # read again with the bare given names: "Minh là giám đốc Công ty …"
            out[i] = _read_names(doc.text, Sentence(s.span, find_titles(doc.text, s.span), [], s.verbs), found)
    _resolve_pronouns(out)
    for s in out:
        _drop_proposed_posts(doc.text, s)
    return out


def _verbs_by_sentence(doc: Document) -> list[list[regex.Match[str]]]:
    """The personnel-verb matches of each sentence: one scan of the whole text, each match kept for
    the sentence that holds it whole; the sentences a match runs across are scanned again on their own."""
    out: list[list[regex.Match[str]]] = [[] for _ in doc.sentences]
    starts = [s.start for s in doc.sentences]
    rescan: set[int] = set()
    for m in _verb_search().finditer(doc.text):
        i = bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= doc.sentences[i].end:
            continue  # between sentences
        if m.end() <= doc.sentences[i].end:
            out[i].append(m)
        else:  # it may hide matches of this sentence and of those it runs into
            rescan.update(range(i, bisect_right(starts, m.end())))
    for i in rescan:
        span = doc.sentences[i]
        out[i] = list(_verb_search().finditer(doc.text, span.start, span.end))
    return out


def _read_names(text: str, s: Sentence, given: list[NameMention]) -> Sentence:
    """The sentence's names (with the bare given names found for it), linked to its titles, and the
    pronouns of its verbs."""
    found = sorted(find_names(text, s.span, s.titles) + given, key=lambda n: n.start)
    for n in found:
        if _SPACED_HYPHEN.search(n.name):  # "Moon Jae - in" (grammar.cap_words read the syllable on): "Moon Jae-in"
            n.name, n.rule = _SPACED_HYPHEN.sub("-", n.name), NAME_SPACED_HYPHEN
    names = link(text, s.span, s.titles, found)
    names += _event_pronouns(text, s.span, names, (s.titles, s.verbs))
    s.names = sorted(names, key=lambda n: n.start)
    return s


_SPACED_HYPHEN = regex.compile(r"(?<=\p{L}) - (?=\p{Ll})")


def _given_names(full: list[str]) -> set[str]:
    """The given names that end exactly one full name of the article ("Minh" of "Trần Tuấn Minh")."""
    last = [f.split()[-1] for f in full]
    return {g for g in last if last.count(g) == 1 and len(g) > 1}


_BARE_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}.])\p{Lu}\p{Ll}[\p{L}\p{M}]*(?=\s+\p{Ll})")
_OPENS_CLAUSE = regex.compile(r"(?:[,;:]|\()\s*[\"“'‘]?$")


@lru_cache(maxsize=1)
def _sentence_opener() -> regex.Pattern[str]:
    """What may stand before a bare given name opening a sentence: nothing, a quote, a connective ("Còn Tâm …")."""
    return regex.compile(rf"[\"“'‘]?\s*(?:(?:{first_letter_either_case(_words('connective', 'adverb_before_verb', 'and'))})\s+)?")


def _given_mentions(text: str, s: Sentence, given: set[str]) -> list[NameMention]:
    """A person's given name written bare where a clause opens ("Minh là giám đốc …", "…, Tâm giữ
    chức … thì bị bắt"), when it ends one full name of the article: a short mention of that person."""
    if not given:
        return []
    taken = [(n.start, n.end) for n in s.names] + [(t.start, t.end) for t in s.titles]
    g = grammar()
    out = []
    for m in _BARE_WORD.finditer(text, s.span.start, s.span.end):
        if m.group() not in given or any(a <= m.start() < b for a, b in taken):
            continue
        opens = _OPENS_CLAUSE.search(text, max(s.span.start, m.start() - 3), m.start()) or _sentence_opener().fullmatch(text, s.span.start, m.start())
        if not opens:
            continue
        if any(p.match(text, m.start(), s.span.end) for p in (g.role, g.org_fixed, g.org_open, g.honorific, verb_pattern())):
            continue  # "Khởi tố …": a verb, not a name
        out.append(NameMention(m.start(), m.end(), m.group(), None, rule=NAME_GIVEN))
    return out


def _names_event(v: regex.Match[str]) -> bool:
    """A verb match that names an event: not a phrase of type "none" ("bầu cử", "bầu trời")."""
    return lexicons().personnel_verbs[" ".join(v.group("v").lower().split())] != "none"


_CAPITAL_BEFORE = regex.compile(r"\p{Lu}[\p{L}\p{M}]*\s$")


def _in_proper_name(text: str, span: Span, v: regex.Match[str]) -> bool:
    """A verb written with a capital right after a capitalised word is part of a proper name
    ("Phòng Bầu dục"), not a verb."""
    return v.group("v")[:1].isupper() and v.start() > span.start and _CAPITAL_BEFORE.search(text, max(span.start, v.start() - 30), v.start()) is not None


_GIVEN_NAME = regex.compile(r"\s+(?P<w>\p{Lu}\p{Ll}+)(?!\s+\p{Lu})(?![\p{L}\p{M}])")


def _nickname(text: str, span: Span, v: regex.Match[str]) -> bool:
    """"bầu Đức", "bầu Hiển": "bầu" (a club owner) before a lone given name is a nickname, not an
    election; an election names the person in full or with an honorific ("bầu ông Đức")."""
    if " ".join(v.group("v").lower().split()) != "bầu":
        return False
    m = _GIVEN_NAME.match(text, v.end(), span.end)
    if m is None:
        return False
    g = grammar()
    at = m.start("w")
    return not any(p.match(text, at, span.end) for p in (g.role, g.org_fixed, g.org_open, g.honorific))


@lru_cache(maxsize=1)
def _approved_act() -> regex.Pattern[str]:
    """Between an approval and the act approved: "phê chuẩn (các quyết định|lệnh) <khởi tố|bắt>"."""
    return regex.compile(rf"(?i)\s+(?:(?:{_any('plural')}\s+)?{_any('decision_noun')}\s+)?")


def _approves_act(text: str, v: regex.Match[str], verbs: list[regex.Match[str]]) -> bool:
    """"phê chuẩn lệnh bắt", "phê chuẩn quyết định khởi tố bị can": a procurator's approval of an
    arrest or a prosecution reports that arrest, not an approval of its own."""
    if lexicons().personnel_verbs[" ".join(v.group("v").lower().split())] != "approval":
        return False
    gap = _approved_act().match(text, v.end())
    nxt = next((w for w in verbs if w.start() >= v.end()), None)
    return gap is not None and nxt is not None and nxt.start() == gap.end() and lexicons().personnel_verbs[" ".join(nxt.group("v").lower().split())] == "arrest"


def _drop_proposed_posts(text: str, s: Sentence) -> None:
    """A post named after a proposed or future verb ("được giới thiệu để HĐND tỉnh bầu giữ chức X",
    "đề nghị bổ nhiệm ông Y làm Z") is not held: it is no title of the person."""
    for v in s.verbs:
        if not _proposed(text, s, v):
            continue
        semi = text.find(";", v.end(), s.span.end)
        end = semi if semi >= 0 else s.span.end
        for n in s.names:
            n.titles = [t for t in n.titles if not (t.via_cue and v.end() <= t.start < end and not t.role.startswith("nguyên"))]


@lru_cache(maxsize=1)
def _pronoun() -> regex.Pattern[str]:
    """"ông"/"bà" alone before a lower-case word, not a compound ("bà con", "ông bà", "ông ấy")."""
    return regex.compile(
        rf"(?<![\p{{L}}])(?P<p>{first_letter_either_case(_words('pronoun'))})(?=\s+\p{{Ll}})(?!\s+{_any('pronoun_compound')}(?![\p{{L}}]))"
        rf"(?P<this>\s+{_any('demonstrative')}(?![\p{{L}}]))?"
    )


@lru_cache(maxsize=1)
def _object_marker() -> regex.Pattern[str]:
    """"đối với"/"với" ending the words between a verb (with its post) and its object: "cách chức … đối với ông này"."""
    return regex.compile(rf"(?i)[^,;:()]{{0,80}}?\s{_any('object_marker')}\s+$")


def _event_pronouns(text: str, span: Span, names: list[NameMention], read: tuple[list[Title], list[regex.Match[str]]]) -> list[NameMention]:
    """A pronoun that is the subject or object of a personnel verb ("Năm 2008, ông được bổ nhiệm …",
    "điều động ông về làm …"): a mention without a name, resolved to the person spoken of."""
    titles, verbs = read
    out: list[NameMention] = []
    taken = {n.start for n in names}
    for v in verbs:
        for p in _pronoun().finditer(text, max(span.start, v.start() - 40), min(span.end, v.end() + 100)):
            before = p.end() <= v.start() and _passive(text, p.end(), v.start(), titles)
            after = p.start() > v.end() and not text[v.end() : p.start()].strip()
            after = after or (p.group("this") is not None and p.start() > v.end() and _object_marker().fullmatch(text, v.end(), p.start()) is not None)
            if (before or after) and p.start() not in taken:
                taken.add(p.start())
                out.append(NameMention(p.start(), p.end(), "", p.group("p").lower(), rule=NAME_PRONOUN, honorific_start=p.start()))
    return out


def _resolve_pronouns(sentences: list[Sentence]) -> None:
    """A pronoun ("Ông từng giữ chức …", "ông được bổ nhiệm") is the person last named before it, by a
    full name or by a short mention of one ("ông Khuê")."""
    full = full_names(sentences)
    genders: dict[str, set[str]] = {}
    for n in (n for s in sentences for n in s.names if n.name):
        genders.setdefault(resolve_name(n.name, full), set()).update(_gender(n.honorific, n.name))
    last: str | None = None
    for s in sentences:
        for n in s.names:
            if not n.name and last is not None and not (_gender(n.honorific, "") and genders.get(last) and _gender(n.honorific, "") != genders[last]):
                n.name = last  # "bà này" is not the man last named
            elif n.name and len(resolve_name(n.name, full).split()) >= 2:
                last = resolve_name(n.name, full)
        s.names = [n for n in s.names if n.name]


def _gender(honorific: str | None, name: str) -> set[str]:
    """"male" or "female" as an address word ("ông", "bà") or a middle name ("Thị") says; empty when neither does."""
    word = (honorific or "").lower()
    male, female = _words("male_address"), _words("female_address")
    if word in female or any(w in _words("female_middle") for w in name.split()[1:-1]):
        return {"female"}
    return {"male"} if word in male else set()


def resolve_name(name: str, full: list[str]) -> str:
    """A short mention ("Thăng", "Lê Châu") -> the full name that ends with it, if unique; a name
    that runs into the next word of a heading the crawl glued on ("Lưu Bình Nhưỡng Điều") -> the
    full name the article also writes without that word."""
    words = name.split()
    if len(words) >= 4 and " ".join(words[:-1]) in full:
        return " ".join(words[:-1])
    if len(words) >= 3 or name in full:
        return name
    matches = [f for f in full if f.endswith(" " + name.split()[-1]) and f != name]
    if not matches and len(words) == 1:  # "ông Moon" -> "Moon Jae-in" (people.name.short_written_full)
        matches = [f for f in full if f.startswith(name + " ") and _foreign_full(name, f)]
    return matches[0] if len(set(matches)) == 1 else name


def _foreign_full(short: str, full: str) -> bool:
    """A foreign person's full name the one word opens: the word or another of the name looks foreign, or the word
    is a foreign surname ("Moon" of "Moon Jae-in", "Park" of "Park Geun-hye"); a Vietnamese surname alone opens none."""
    return looks_foreign(short) or "foreign" in lexicons().surnames.get(short, "") or any(looks_foreign(w) for w in full.split()[1:])


_WRITTEN_BEFORE = regex.compile(r"(?:(?<![\p{L}\p{M}'.-])\p{Lu}[\p{L}\p{M}'-]* ){1,2}$")  # not the "H" of "K.H Weigang"


def written_full_names(text: str, sentences: list[Sentence], full: list[str]) -> list[str]:
    """Full names the article writes bare (in a list, a caption) that a one-word foreign mention ends, when no name
    read as a person's resolves it (rule people.name.short_written_full): "bà Avakian" with "SEC, Stephanie Avakian và
    …" elsewhere. The words before the mention must look foreign, not be an acronym or a place ("Nga Putin"); a mention
    written after two different first names ("Donald Trump", "Ivanka Trump") gets neither."""
    places = lexicons().places
    out = []
    shorts = {n.name for s in sentences for n in s.names if n.name and " " not in n.name and looks_foreign(n.name)}
    for short in sorted({n.name for s in sentences for n in s.names if n.name and " " not in n.name}):
        resolved = resolve_name(short, full)
        if resolved.startswith(short + " "):  # "ông Kim" of "Kim Jong-un", and the article writes "Kim Yo-jong" too: two people
            nxt = {m.group(1) for m in regex.finditer(rf"(?<![\p{{L}}\p{{M}}'-]){regex.escape(short)} (\p{{Lu}}[\p{{L}}\p{{M}}'-]*)", text)}
            out += [f"{short} {w}" for w in sorted(nxt) if looks_foreign(w) and w != resolved.split()[1]][:1]
    for short in sorted(shorts):
        if resolve_name(short, full) != short:
            continue
        forms = set()
        for m in regex.finditer(rf"(?<![\p{{L}}\p{{M}}'-]){regex.escape(short)}(?![\p{{L}}\p{{M}}'-])", text):
            before = _WRITTEN_BEFORE.search(text, max(0, m.start() - 60), m.start())
            words = before.group().split() if before else []
            while words and not all(looks_foreign(w) and w not in places and w != short for w in words):  # not "Ramos Ramos"
                words = words[1:]
            if words:
                forms.add(" ".join([*words, short]))
        if len(forms) == 1:
            out.append(forms.pop())
    return out


def full_names(sentences: list[Sentence]) -> list[str]:
    return sorted({n.name for s in sentences for n in s.names if len(n.name.split()) >= 2})


def _date(text: str, sentence: Span, published: date | None = None) -> tuple[str, Fired] | None:
    """The first date written in the event's sentence: a full date ("ngày 5/3/2024"), a day and
    month dated with the year of ``published`` (the article's publication day, when known) or else
    with the article's year ("ngày 22/6", "hôm 18-5") when the article gives one, or a month and
    year ("tháng 1/2018" -> "2018-01")."""
    found: list[tuple[str, Fired]] = []
    m = _full_date().search(text, sentence.start, sentence.end)
    if m:
        d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        found += filter(None, [_iso(int(y), int(mo), int(d), m, DATE_IN_SENTENCE)])
    m = _day_month().search(text, sentence.start, sentence.end)
    if m and published is not None:
        dated = _iso(published.year, int(m.group(2)), int(m.group(1)), m, DATE_DAY_MONTH_PUBLISHED)
        if dated and date.fromisoformat(dated[0]) > published:  # not yet written on the day it was published: last year's
            dated = _iso(published.year - 1, int(m.group(2)), int(m.group(1)), m, DATE_DAY_MONTH_PUBLISHED)
        found += filter(None, [dated])
    elif m:
        year, latest = _article_latest(text) or (None, None)
        dated = _iso(year, int(m.group(2)), int(m.group(1)), m, DATE_DAY_MONTH) if year else None
        if dated and (latest is None or (latest - date.fromisoformat(dated[0])).days <= _YEARLESS_BEFORE_LATEST_DAYS):
            found.append(dated)
    m = _month_year().search(text, sentence.start, sentence.end)
    if m and 1 <= int(m.group(1)) <= 12:
        found.append((f"{m.group(2)}-{int(m.group(1)):02d}", Fired(DATE_MONTH_YEAR, m.start(), m.end())))
    return min(found, key=lambda f: f[1].start, default=None)


def publication_day(published: str | None) -> date | None:
    """The day of an ISO publication date ("2017-05-19T08:30:00+07:00" -> 2017-05-19), None when unknown or unreadable."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def published_dates(text: str, events: list[Candidate], published: str | None) -> None:
    """With the article's publication date known, an event's sentence whose first date is a day and month
    without a year dates the event with the publication year (rule personnel.date.day_month_published),
    in place of the article's year or no date; a year opening the event's clause ("Năm 2016, ngày 19/5 …") stays."""
    day = publication_day(published)
    if day is None:
        return
    for c in events:
        if c.date is not None and c.parts["date"].rule is DATE_YEAR:
            continue
        dated = _date(text, c.sentence, day)
        if dated is not None and dated[1].rule is DATE_DAY_MONTH_PUBLISHED:
            c.date, c.parts["date"] = dated


@lru_cache(maxsize=1)
def _year_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A year opening a clause ("Năm 2016, …", "Cuối năm 2015, …", "Đến năm 2011, …") and a year after "vào"/"hồi" ("vào năm 2013");
    not a span ("năm 2010-2015")."""
    year = rf"{_any('date_year')}\s+((?:19|20)\d{{2}})(?!\d|[/.-]\d|\s*[–-]\s*\d)"
    opening = regex.compile(rf"(?i)\s*(?:{_any('connective')}\s+)?(?:{_any('year_opener')}\s+)?(?:{_any('period_edge', 'time_preposition')}\s+)?{year}\s*,")
    inline = regex.compile(rf"(?i)(?<![\p{{L}}]){_any('time_preposition')}\s+(?:{_any('period_edge')}\s+)?{year}")
    return opening, inline


def _year_date(text: str, s: Sentence, v: regex.Match[str]) -> tuple[str, Fired] | None:
    """The year of the verb's clause: one opening it before the verb, else one after "vào"/"hồi" in it (up to
    the first comma after the verb: "… sa thải X, giữa thời điểm … hồi năm 2016" dates something else)."""
    start = max(s.span.start, text.rfind(";", s.span.start, v.start()) + 1)
    end = min([s.span.end] + [i for i in (text.find(c, v.end(), s.span.end) for c in ",;") if i >= 0])
    opening, inline = _year_patterns()
    m = opening.match(text, start, v.start()) or inline.search(text, start, end)
    return (m.group(1), Fired(DATE_YEAR, m.start(1), m.end(1))) if m else None


def _iso(year: int, month: int, day: int, m: regex.Match[str], rule: Rule) -> tuple[str, Fired] | None:
    try:
        return date(year, month, day).isoformat(), Fired(rule, m.start(), m.end())
    except ValueError:
        return None


_YEARLESS_BEFORE_LATEST_DAYS = 60  # a day and month further before the article's latest full date is most often of the next year


@lru_cache(maxsize=4)
def _article_latest(text: str) -> tuple[int, date | None] | None:
    """The year the article speaks from and its latest full date in that year: the latest year it writes,
    when that year is also the year of one of its full dates ("5/3/2017"); else None (an article of old
    events with no year of its own). A date ending a span or setting a deadline ("đến ngày 19/10/2017")
    gives the year but is not the latest date (None when the year has no other)."""
    latest = max((int(y) for y in _YEAR_ANY.findall(text)), default=None)
    bound = cue_regex("date_bound", True, adjacent=True)
    of_year = [m for m in _FULL_DATE_YEAR.finditer(text) if int(m.group(3)) == latest]
    if latest is None or not of_year:
        return None
    dated = []
    for m in of_year:
        if bound.search(text, max(0, m.start() - 20), m.start()):
            continue
        try:
            dated.append(date(latest, int(m.group(2)), int(m.group(1))))
        except ValueError:
            continue
    return latest, max(dated, default=None)


_YEAR_ANY = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@lru_cache(maxsize=64)
def cue_words(kind: str) -> tuple[str, ...]:
    """The phrases of event_cues.tsv that have ``kind`` among their kinds (cached: some rules ask for them at every verb)."""
    return tuple(w for w, k in lexicons().event_cues.items() if kind in k.split(","))


@lru_cache(maxsize=16)
def cue_regex(kind: str, anchored_end: bool, adjacent: bool = False) -> regex.Pattern[str]:
    """A cue of ``kind``: anywhere (``anchored_end`` false), or ending a window up to two words
    before what follows it, or right before it (``adjacent``)."""
    words = cue_words(kind)
    tail = r"\s+$" if adjacent else r"[\s,]*(?:[^\s,;]+\s+){0,2}$" if anchored_end else r"\s+"
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(words)}){tail}")


def _owned(s: Sentence) -> dict[tuple[int, int], tuple[NameMention, bool]]:
    """Title span -> (its person, linked through a cue)."""
    return {(t.start, t.end): (n, t.via_cue) for n in s.names for t in n.titles}


@dataclass(frozen=True, slots=True)
class _Target:
    """A post of an event: the title read, the organisation span chosen, and the rules that chose them."""

    title: Title | None
    org: tuple[int, int] | None
    role_rule: Rule | None
    org_rule: Rule = ORG_OF_TITLE


def events_in(text: str, s: Sentence, following: Sentence | None = None) -> Iterator[Candidate]:
    """The event candidates of one sentence (``following``: the next sentence, for a list it opens)."""
    carried: tuple[int, list[NameMention]] = (-1, [])  # (clause end, persons) of the previous verb
    listed = _listed_after(text, following) if following is not None else []
    forms = _sanction_forms(text, s)  # discipline verb -> the removal naming its form
    disciplined: dict[int, list[NameMention]] = {}
    for i, v in enumerate(s.verbs):
        clause_end = _clause_end(text, s, i)
        etype = _verb_type(v)
        clause_end, persons, rule = _subject_of(text, s, v, clause_end, etype)
        if not persons:
            persons, rule = _unsubjected(text, s, (v, clause_end), carried) or (persons, rule)
        carried = (clause_end, persons)
        form_of = next((d for d, f in forms.items() if f == i), None)
        if form_of is not None:  # "kỷ luật ông X bằng hình thức cách chức …": X is removed
            persons, rule = persons or disciplined.get(form_of, []), SANCTION_FORM
        if i in forms:
            disciplined[i] = persons
        if i in forms or _not_an_event(text, s, s.verbs[form_of] if form_of is not None else v):
            continue
        if not persons and (unnamed := _without_person(text, s, (v, etype, clause_end), listed)) is not None:
            yield from unnamed
            continue
        for c in _verb_candidates(text, s, (v, clause_end, etype), persons, rule):
            if form_of is not None:
                _sanctioned(text, s, c, s.verbs[form_of])
            elif _scheduled(text, s, v):
                c.parts["verb"] = Fired(SCHEDULED, *c.verb)
            yield c


def _unsubjected(text: str, s: Sentence, verb: tuple[regex.Match[str], int], carried: tuple[int, list[NameMention]]) -> tuple[list[NameMention], Rule] | None:
    """The persons of a verb with no subject of its own: the previous verb's when it continues it ("được điều động, chỉ
    định …", "…; đồng thời cho thôi …"), else the one the sentence gives its post through a cue ("Giáo sư X thuộc Đại học Y
    … đã được bổ nhiệm làm Phó Chánh Văn phòng …")."""
    v, clause_end = verb
    continued = v.start() < carried[0] or _continues(text, s, v)
    if continued and carried[1]:
        return carried[1], CONTINUED
    owner = _cue_owner(text, s, v, clause_end)
    if owner is not None:
        return [owner], CUE_OWNER
    return (carried[1], CONTINUED) if continued else None


def _without_person(text: str, s: Sentence, verb: tuple[regex.Match[str], str, int], listed: list[NameMention]) -> list[Candidate] | None:
    """The candidates of a verb with no person of its own, when it acts on a counted group ("kỷ luật 13 đảng viên")
    or on the people the next sentence lists ("… bắt tạm giam 3 bị can. Các bị can nói trên gồm: A (…), …; B (…)")."""
    v, etype, clause_end = verb
    if etype in GROUP_TYPES and (group := _counted_group(text, s, v, clause_end)) is not None:
        return [] if _tally(text, group) else [_group_candidate(text, s, (v, etype), group)]
    if listed:
        return [_candidate(text, s, v, etype, (member, target, LISTED_AFTER)) for member in listed for target in _own_posts(member)]
    return None


def _subject_of(text: str, s: Sentence, v: regex.Match[str], clause_end: int, etype: str) -> tuple[int, list[NameMention], Rule]:
    """(clause end, persons, rule) of a verb: the subject of the main clause for a verb in a fronted time clause
    ("Sau khi bị cách chức …, ông Minh …", its clause ending at the comma), else who :func:`_persons_for` finds."""
    fronted = _fronted(text, s, v, clause_end)
    if fronted is not None:
        return fronted[0], [fronted[1]], FRONTED
    return (clause_end, *_persons_for(text, s, v, clause_end, etype))


def _group_candidate(text: str, s: Sentence, verb: tuple[regex.Match[str], str], group: tuple[int, int]) -> Candidate:
    """The event of a counted group: no person, no post; its decider, else the subject opening its clause."""
    v, etype = verb
    c = _candidate(text, s, v, etype, (None, _Target(None, None, None), COUNTED_GROUP))
    if c.actor is None and (subject := _group_subject(text, s, v, group)) is not None:
        c.actor, c.parts["actor"] = text[subject[0] : subject[1]], Fired(ACTOR_GROUP_SUBJECT, *subject)
    c.parts["group"], c.group = Fired(COUNTED_GROUP, *group), _group_key(text, v, group)
    return c


@lru_cache(maxsize=1)
def _fronted_opener() -> regex.Pattern[str]:
    """A time clause opener, adverbs, "được"/"bị" and a light verb, right before the verb: "Sau khi bị ", "Trước khi được "."""
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(cue_words('fronted_time'))})\s+(?:{_any('adverb_before_verb')}\s+)*"
                         rf"(?:{_any('passive')}\s+(?:{_any('light_verb')}\s+)?)?$")


_FRONTED_GAP = regex.compile(r"\s*(?:\p{Ll}+\s+){0,2}")  # ", ông Minh", ", bị cáo Thung": at most two lower-case words before the person


def _fronted(text: str, s: Sentence, v: regex.Match[str], clause_end: int) -> tuple[int, NameMention] | None:
    """(end of the fronted clause, its subject): the verb is in a time clause opening its clause, and the first person
    after the clause's comma opens the main clause."""
    opener = _fronted_opener().search(text, max(s.span.start, v.start() - 40), v.start())
    if opener is None or (_explicit_passive_re().search(text, opener.start(), v.start()) is None and _explicit_passive_re().match(text, v.start()) is None):
        return None  # "Sau khi bị …", or the verb holds its "được": "Trước khi được bầu …"
    head = max(s.span.start, *(text.rfind(c, s.span.start, opener.start()) + 1 for c in ",;:"))
    comma = text.find(",", v.end(), clause_end)
    if comma < 0 or _CLAUSE_HEAD.fullmatch(text, head, opener.start()) is None:
        return None
    after = [n for n in s.names if n.start > comma]
    if not after:
        return None
    n = after[0]
    start = min([n.start] + [t.start for t in n.titles if comma < t.start < n.start] + ([n.honorific_start] if n.honorific_start is not None else []))
    return (comma, n) if _FRONTED_GAP.fullmatch(text, comma + 1, start) is not None else None


GROUP_TYPES = ("discipline", "dismissal")  # a counted group is an event of these only: an arrest is of officials, named
TALLY_SIZE = 1000  # a counted group this large is a period report's tally ("kỷ luật hơn 1.600 đảng viên"), not one decision
_GROUP_NUMBER = regex.compile(r"\d[\d.]*")


def _tally(text: str, group: tuple[int, int]) -> bool:
    """"Ủy ban kiểm tra các cấp đã thi hành kỷ luật hơn 1.600 đảng viên", "hơn 6.000 đảng viên bị kỷ luật", "kỷ luật 87 tổ
    chức đảng và 6.098 đảng viên": a counted group (or the count joined to it) of a thousand or more is a tally of many
    decisions over a period, no concrete event (a count of 120 still is one)."""
    joined = _tally_joined().match(text, group[1])
    numbers = [_GROUP_NUMBER.match(text, group[0], group[1])] + ([_GROUP_NUMBER.match(text, joined.start("n"))] if joined else [])
    return any(n is not None and int(n.group().replace(".", "") or 0) >= TALLY_SIZE for n in numbers)


@lru_cache(maxsize=1)
def _tally_joined() -> regex.Pattern[str]:
    """A second count joined right after a counted group: " và 6.098 (đảng viên)"."""
    return regex.compile(rf"(?i)\s+(?:{_any('list_joiner')})\s+(?:{_any('range_comparator')}\s+)?(?P<n>\d[\d.]*)\s")


def _group_count() -> str:
    """A number and a noun counting people: "13 đảng viên", "hơn 7.000 cán bộ", "sáu người" (group "generic")."""
    return rf"(?:\d[\d.]*|{NUMBER_WORD_PATTERN})\s+(?:{_any('group_member')}|(?P<generic>{_any('group_member_generic')}))"


def _group_key(text: str, v: regex.Match[str], group: tuple[int, int]) -> str:
    """The verb and the group, as one key for the same group told twice: "kỷ luật 7000 cán bộ" = "kỷ luật 7.000 cán bộ"."""
    return " ".join(f"{v.group('v')} {text[group[0] : group[1]]}".lower().replace(".", "").split())


@lru_cache(maxsize=1)
def _referenced() -> regex.Pattern[str]:
    """A back-reference cue and a light verb right before the verb: "việc thi hành (kỷ luật)"."""
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(cue_words('reference'))})\s+{_any('light_verb')}\s+$")


def _sanctions_officials(v: regex.Match[str]) -> bool:
    return "official_sanction" in lexicons().event_cues.get(" ".join(v.group("v").lower().split()), "").split(",")


@lru_cache(maxsize=1)
def _group_after() -> regex.Pattern[str]:
    """A counted group right after the verb: "kỷ luật 13 đảng viên", "khiển trách đối với hơn 80 quan chức"."""
    lead = _any("object_marker", "range_comparator")
    return regex.compile(rf"(?i)\s+(?:{lead}\s+)*(?P<g>{_group_count()})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _group_before() -> regex.Pattern[str]:
    """A counted group undergoing the verb: "6 người bị cảnh cáo", "8 người bị xử lý kỷ luật", "7.000 cán bộ y tế đã bị kỷ luật"."""
    return regex.compile(rf"(?i)(?<![\p{{L}}\d])(?P<g>{_group_count()})(?:\s+\p{{Ll}}+){{0,2}}\s+(?:{_any('adverb_before_verb')}\s+)*"
                         rf"{_any('passive')}\s+(?:{_any('light_verb')}\s+)?$")


@lru_cache(maxsize=1)
def _group_total() -> regex.Pattern[str]:
    """After a counted group, its breakdown or its list: "19 cá nhân có sai phạm (8 người …", "3 cán bộ gồm: …"."""
    return regex.compile(rf"(?i)[^,;()]{{0,40}}\(\D{{0,30}}\d|[^,;()]{{0,40}}?(?:(?<![\p{{L}}]){_any('inclusion')}(?![\p{{L}}])|:)")


def _counted_group(text: str, s: Sentence, v: regex.Match[str], clause_end: int) -> tuple[int, int] | None:
    """The span of a counted group of unnamed people the verb acts on (after it, or before it with "bị"), when no
    person is named after it in its clause and it is no total broken down, or list opened, after it."""
    found = _group_after().match(text, v.end(), clause_end) or _group_before().search(text, max(s.span.start, v.start() - 50), v.start())
    if found is None or (found.group("generic") and not any(_sanctions_officials(w) for w in s.verbs)):
        return None  # "công an cảnh cáo 1 người chưa đủ 16 tuổi": a warning, not a sanction of officials
    if _referenced().search(text, max(s.span.start, v.start() - 30), v.start()) is not None:
        return None  # "kiểm tra việc thi hành kỷ luật đối với 3.830 tổ chức đảng": the act spoken of, not done
    start, end = found.span("g")
    if _group_total().match(text, end, clause_end) is not None or any(end <= n.start < clause_end for n in s.names):
        return None
    return start, end


@lru_cache(maxsize=1)
def _group_subject_re() -> regex.Pattern[str]:
    """A capitalised subject and the adverbs and light verb after it, up to the verb: "UBKT các cấp thi hành "."""
    words = _any("adverb_before_verb", "light_verb")
    return regex.compile(rf"\s*(?P<s>(?!(?i:{words})(?![\p{{L}}]))\p{{Lu}}[^,;:()\d]{{0,60}}?)\s+(?:(?i:{words})\s+)*")


def _group_subject(text: str, s: Sentence, v: regex.Match[str], group: tuple[int, int]) -> tuple[int, int] | None:
    """The span of the subject opening the clause of a counted group after the verb, naming no person."""
    start = max(s.span.start, *(text.rfind(c, s.span.start, v.start()) + 1 for c in ",;:"))
    found = _group_subject_re().fullmatch(text, start, v.start())
    if found is None or group[0] < v.start() or any(start <= n.start < v.start() for n in s.names) \
            or any(found.start("s") <= w.start() < found.end("s") for w in s.verbs):
        return None  # "6 người bị cảnh cáo": the group is the subject; "Kết quả kỷ luật khiển trách …": no body
    return found.span("s")


def _verb_candidates(text: str, s: Sentence, verb: tuple[regex.Match[str], int, str], persons: list[NameMention], rule: Rule) -> Iterator[Candidate]:
    """A verb's candidates: one per person and post."""
    v, clause_end, etype = verb
    for person, target, person_rule in _per_person(text, s, v, clause_end, (persons, etype)):
        if person is None and (target.org is None or (target.title is not None and _generic(text, target.title))):
            continue  # policy talk: neither a person nor a body, or many posts at once
        yield _candidate(text, s, v, etype, (person, target, person_rule or rule))
    if rule is OBJECT and etype in LOSS and persons:
        yield from (_candidate(text, s, v, etype, (m, target, MEMBER_LIST)) for m in _members(text, s, v, persons) for target in _own_posts(m))


def _sanctioned(text: str, s: Sentence, c: Candidate, discipline: regex.Match[str]) -> None:
    """A removal that is a discipline's form: its verb part names the rule, its decider is who imposed the discipline."""
    c.parts["verb"] = Fired(SANCTION_FORM, *c.verb)
    if c.actor is None and (actor := _actor(text, s, discipline, c.person)) is not None:
        c.actor, c.parts["actor"] = actor


def _verb_type(v: regex.Match[str]) -> str:
    return lexicons().personnel_verbs[" ".join(v.group("v").lower().split())]


@lru_cache(maxsize=1)
def _form_before() -> regex.Pattern[str]:
    """The noun naming a discipline's form right before a verb of removal: "hình thức cách chức", "mức cách chức"."""
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(cue_words('sanction_form'))})\s+$")


def _sanction_forms(text: str, s: Sentence) -> dict[int, int]:
    """Index of a discipline verb -> index of the removal that names its form later in its clause ("thi hành kỷ
    luật mức cách chức đối với …", "kỷ luật ông X bằng hình thức cách chức …"), within 120 characters, or right
    after it ("kỷ luật cách chức đối với …")."""
    out: dict[int, int] = {}
    for j, w in enumerate(s.verbs):
        adjacent = j > 0 and _verb_type(s.verbs[j - 1]) == "discipline" and not text[s.verbs[j - 1].end() : w.start()].strip()  # "kỷ luật cách chức"
        if _verb_type(w) not in ENDS_POST or (_form_before().search(text, max(s.span.start, w.start() - 20), w.start()) is None and not adjacent):
            continue
        opens = max(s.span.start, text.rfind(";", s.span.start, w.start()) + 1, w.start() - 120)
        i = next((i for i in range(j - 1, -1, -1) if s.verbs[i].start() >= opens and _verb_type(s.verbs[i]) == "discipline"), None)
        if i is not None and i not in out:
            out[i] = j
    return out


@lru_cache(maxsize=1)
def _list_opener() -> regex.Pattern[str]:
    """A sentence opening a list: "Các bị can nói trên gồm:", "Những người bị kỷ luật gồm có:"."""
    return regex.compile(rf"(?i)[^:;.\d]{{0,60}}?(?<![\p{{L}}]){_any('inclusion')}\s*:\s*")


@lru_cache(maxsize=1)
def _item_start() -> regex.Pattern[str]:
    """What opens an item of a list right before its person: ":", ";", ",", "và"."""
    return regex.compile(rf"(?i)(?:[:;,]|(?<![\p{{L}}]){_any('and')})\s*$")


def _listed_after(text: str, s: Sentence) -> list[NameMention]:
    """The persons a sentence opening with a list ("Các bị can gồm: A (…), trú tại …; B (…) và C (…)")
    names, each at the start of an item."""
    opener = _list_opener().match(text, s.span.start, s.span.end)
    if opener is None:
        return []
    out = []
    for n in s.names:
        start = min([n.start] + [t.start for t in n.titles if t.end <= n.start and not t.via_cue])
        start = n.honorific_start if n.honorific_start is not None and n.honorific_start < start else start
        if start == opener.end() or (start > opener.end() and _item_start().search(text, opener.end(), start)):
            out.append(n)
    return out


def _own_posts(person: NameMention) -> list[_Target]:
    """The posts a person listed after the verb's sentence holds: the first, with its coordinated bodies."""
    titles = held_post(person.titles)
    out: list[_Target] = []
    for t in titles:
        org = (t.org_start, t.org_end) if t.org_start is not None and t.org_end is not None else None
        own = _Target(t, org, ROLE_HELD) if org is not None or t.shared_org is None else _Target(t, t.shared_org, ROLE_HELD, ORG_SHARED)
        out += [own] + [_Target(t, o, ROLE_HELD, ORG_COORDINATED) for o in t.coordinated]
    return out or [_Target(None, None, None)]


@lru_cache(maxsize=1)
def _connectives() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)[\s,]*(?:{_any('connective', 'and', 'adverb_before_verb')}[\s,]+)*")


def _continues(text: str, s: Sentence, v: regex.Match[str]) -> bool:
    """A clause after ";" opened by the verb, or by connectives only ("; đồng thời cho thôi giữ chức …"), or after
    a comma by a connective ("…, đồng thời điều động …"), has no subject of its own: it continues the sentence's
    person and decider."""
    semi = text.rfind(";", s.span.start, v.start())
    if semi >= 0 and _connectives().fullmatch(text, semi + 1, v.start()) is not None:
        return True
    comma = text.rfind(",", s.span.start, v.start())  # "…, đồng thời điều động …": a connective after a comma
    return comma >= 0 and _connective_words().fullmatch(text, comma + 1, v.start()) is not None


@lru_cache(maxsize=1)
def _connective_words() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\s*(?:{_any('connective')})(?:\s+(?:{_any('adverb_before_verb')}))*\s+")


def _not_an_event(text: str, s: Sentence, v: regex.Match[str]) -> bool:
    """A proposal or policy talk ("đề nghị bổ nhiệm") or a back-reference ("Việc miễn nhiệm …"), or a
    framed verb without its frame ("phụ trách khối văn hóa" without "giao … ")."""
    if (_is_framed(v) and not _framed_in_clause(text, s, v)) or _proposed(text, s, v) or _seized_privately(text, s, v):
        return True
    return cue_regex("reference", True, True).search(text, max(s.span.start, v.start() - 30), v.start()) is not None


def _seized_privately(text: str, s: Sentence, v: regex.Match[str]) -> bool:
    """"Đám đông đã đuổi đánh và bắt giữ ông X, cán bộ Công an tỉnh": an arrest verb whose clause names a crowd or private
    people before it (event_cues.tsv kind "private_agent"), with no "bị"/"được" or verb of saying between, is a seizure, not an arrest."""
    if _verb_type(v) != "arrest":
        return False
    start = max(s.span.start, v.start() - 120, *(text.rfind(c, s.span.start, v.start()) + 1 for c in ",;:"))
    cues = list(cue_regex("private_agent", False).finditer(text, start, v.start()))
    if not cues or _explicit_passive(text, cues[-1].end(), v.end()):
        return False
    return cue_regex("speech", False).search(text, cues[-1].end(), v.start()) is None  # "người dân cho biết công an đã bắt …"


def _proposed(text: str, s: Sentence, v: regex.Match[str]) -> bool:
    """A proposal, plan or future nomination ("đề nghị bổ nhiệm", "giới thiệu … để HĐND tỉnh bầu")."""
    window = max(s.span.start, v.start() - 30)
    if _policy_before().search(text, window, v.start()) is not None:
        return True
    if _scheduled(text, s, v) or _fronted(text, s, v, s.span.end) is not None:
        return False  # "sẽ nghỉ hưu từ ngày 1/7", "Trước khi được bổ nhiệm làm …, ông X là …"
    return (cue_regex("proposal", True).search(text, window, v.start()) is not None or _nominated(text, s, v) or _clause_proposed(text, s, v)
            or _obliged(text, s, v))


@lru_cache(maxsize=1)
def _obligation() -> regex.Pattern[str]:
    """"phải" right before the verb or its light verb, not after "đã"/"buộc": "phải thi hành kỷ luật", not "đã phải từ chức"."""
    done = alternation(cue_words("obliged_done"))
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?<!(?<![\p{{L}}])(?:{done})\s)(?:{alternation(cue_words('obligation'))})\s+(?:{_any('light_verb')}\s+)?$")


def _obliged(text: str, s: Sentence, v: regex.Match[str]) -> bool:
    """"kết luận …, phải thi hành kỷ luật 9 đảng viên", "cần phải khởi tố": what must be done is no event (yet)."""
    return _obligation().search(text, max(s.span.start, v.start() - 25), v.start()) is not None


@lru_cache(maxsize=1)
def _effective_date() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(cue_words('effective_date'))})\s+\d{{1,2}}\s*[/.-]\s*\d{{1,2}}")


def _scheduled(text: str, s: Sentence, v: regex.Match[str]) -> bool:
    """"ông X sẽ (chính thức) nghỉ hưu từ ngày 1/7": the only cues putting the verb ahead in its clause are futures
    ("sẽ", "sắp"), and the date it takes effect follows it in the sentence (before any ";")."""
    start = max(s.span.start, v.start() - 120, *(text.rfind(c, s.span.start, v.start()) + 1 for c in ",;:"))
    cues = [c.group().lower() for c in _clause_proposal().finditer(text, start, v.start())]
    future = cue_words("future")
    semi = text.find(";", v.end(), s.span.end)
    dated = _effective_date().search(text, v.end(), semi if semi >= 0 else s.span.end) is not None
    return bool(cues) and all(c in future for c in cues) and dated


@lru_cache(maxsize=1)
def _clause_proposal() -> regex.Pattern[str]:
    """A request, call, plan or future cue not reported as granted ("yêu cầu", "sẽ"; not "theo đề nghị")."""
    granted = alternation(cue_words("granted"))
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?<!(?:{granted})\s+)(?:{alternation(cue_words('clause_proposal'))})(?![\p{{L}}])")


def _clause_proposed(text: str, s: Sentence, v: regex.Match[str]) -> bool:
    """"Ban Bí thư yêu cầu Ban cán sự đảng … thi hành kỷ luật …", "Hội đồng kỷ luật … sẽ căn cứ để ra quyết
    định kỷ luật …": a request or a future anywhere earlier in the verb's clause (up to a comma, ";" or ":")."""
    start = max(s.span.start, v.start() - 120, *(text.rfind(c, s.span.start, v.start()) + 1 for c in ",;:"))
    earlier = [w for w in s.verbs if start <= w.start() and w.end() <= v.start()]
    if earlier and not _realised(text, earlier[-1].end(), v.start()) and _clause_proposed(text, s, earlier[-1]):
        return True  # "đề nghị hình thức kỷ luật khai trừ": the proposal of the verb before holds this one too
    start = max([start] + [w.end() for w in earlier])  # the cue of an earlier verb is that verb's
    idioms = cue_regex("negation_idiom", False)
    cues = [c for c in _clause_proposal().finditer(text, start, v.start()) if not idioms.match(text, c.start())]  # "không ít", "không chỉ"
    return (bool(cues) and not _realised(text, cues[-1].end(), v.start())) or _requested_list(text, s, v)


@lru_cache(maxsize=1)
def _request() -> regex.Pattern[str]:
    granted = alternation(cue_words("granted"))
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?<!(?:{granted})\s+)(?:{alternation(cue_words('request'))})(?![\p{{L}}])")


def _requested_list(text: str, s: Sentence, v: regex.Match[str]) -> bool:
    """A request earlier in the sentence whose list of bodies or acts runs up to the verb past commas and ";", with no done
    act or other clause between (event_cues.tsv kind "request"): "đề nghị Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư thi hành kỷ luật …"."""
    start = max(s.span.start, v.start() - 160, text.rfind(":", s.span.start, v.start()) + 1)
    cues = [c for c in _request().finditer(text, start, v.start())
            if not _explicit_passive(text, max(s.span.start, c.start() - 25), c.start())]  # "được Chính phủ đề nghị, Quốc hội phê chuẩn …": granted
    return bool(cues) and not _realised(text, cues[-1].end(), v.start())


def _realised(text: str, start: int, end: int) -> bool:
    """A done act ("đã", "vừa") or another clause ("khi", "sau khi") between a proposal cue and the verb."""
    return _realis().search(text, start, end) is not None or _clause_opener().search(text, start, end) is not None


@lru_cache(maxsize=1)
def _realis() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(cue_words('realis'))})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _policy_before() -> regex.Pattern[str]:
    """A policy noun right before the verb, or before its light verb: "công tác bổ nhiệm", "hình thức xử lý kỷ luật";
    not a form someone receives ("ông X nhận hình thức khiển trách"); an agenda item or a document put to a meeting
    ("tờ trình miễn nhiệm …"), not one passed ("đã thông qua tờ trình miễn nhiệm …")."""
    received = rf"(?<!(?<![\p{{L}}]){_any('receive')}\s+)"  # "nhận hình thức khiển trách": the form received, not policy talk
    adopted = rf"(?<!(?<![\p{{L}}])(?:{alternation(cue_words('adopted'))})\s+)"  # "đã thông qua tờ trình miễn nhiệm": passed, an event
    agenda = rf"{adopted}(?:{alternation(cue_words('agenda'))})"  # "tờ trình miễn nhiệm ông X", "nội dung bầu bà Y": put to a meeting
    return regex.compile(rf"(?i)(?<![\p{{L}}]){received}(?:{alternation(cue_words('policy'))}|{agenda})\s+(?:{_any('light_verb')}\s+)?$")


@lru_cache(maxsize=1)
def _nomination() -> regex.Pattern[str]:
    nominate = alternation(cue_words("nomination"))
    purpose = alternation(cue_words("purpose"))
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{nominate})(?![\p{{L}}])"
                         rf"(?:[^;.]{{0,120}}?\s(?:{purpose})\s+(?:[^\s,;]+\s+){{0,5}}|[\s,]*(?:[^\s,;]+\s+){{0,2}})$")


def _nominated(text: str, s: Sentence, v: regex.Match[str]) -> bool:
    """"giới thiệu ông X, …, để HĐND tỉnh bầu giữ chức …", "giới thiệu bầu …": a nomination for a vote still to come."""
    start = max(s.span.start, text.rfind(";", s.span.start, v.start()) + 1, v.start() - 160)
    return _nomination().search(text, start, v.start()) is not None


@lru_cache(maxsize=1)
def _generic_after() -> regex.Pattern[str]:
    words = cue_words("generic")
    return regex.compile(rf"(?i)\s+(?:{alternation(words)})(?![\p{{L}}])")


def _generic(text: str, t: Title) -> bool:
    """"bí thư đảng ủy nhiều xã", "loạt vụ trưởng", "gần 200 cán bộ ngân hàng", "hai cán bộ sở": a quantifier or a
    count of two or more before the post, or a quantifier after it."""
    before = cue_regex("generic", True, True).search(text, max(0, t.start - 15), t.start)
    count = _COUNT_BEFORE.search(text, max(0, t.start - 25), t.start)
    many = count is not None and (float(count.group(1)) if count.group(1).isdigit() else parse_number_words(count.group(1)) or 0) >= 2
    return before is not None or many or _generic_after().match(text, t.end) is not None


_COUNT_BEFORE = regex.compile(r"(?<![\p{L}\d.,/])(\d+|\p{Ll}+)\s+$")  # the word right before a post: a count?


def _is_framed(v: regex.Match[str]) -> bool:
    return is_charge(v.group("v"))


def is_charge(phrase: str) -> bool:
    """"phụ trách" (a charge given by "giao … phụ trách"): a framed verb of event_cues.tsv."""
    return "framed" in lexicons().event_cues.get(" ".join(phrase.lower().split()), "").split(",")


def _framed_in_clause(text: str, s: Sentence, v: regex.Match[str]) -> bool:
    """"giao đồng chí X, Phó Trưởng ban, phụ trách …": the frame cue opens the verb's clause, within 120 characters."""
    start = max(s.span.start, text.rfind(";", s.span.start, v.start()) + 1, v.start() - 120)
    cues = cue_regex("frame", False).finditer(text, start, v.start())
    return any(not any(t.start <= c.start() < t.end for t in s.titles) for c in cues)  # not a word of a post ("Đội Cảnh sát giao thông")


def _charge(text: str, v: regex.Match[str], end: int) -> list[_Target]:
    """"giao … phụ trách Ban Dân vận Tỉnh ủy": the verb is the role, the body after it the organisation."""
    org = read_org(text, v.end() + 1, end)
    if org is None or org.end <= org.start:
        return []
    role = v.group("v")[:1].upper() + " ".join(v.group("v").split())[1:]
    title = Title(v.start(), org.end, role, org_text(text, org.start, org.end), org.start, org.end, role_end=v.end())
    return [_Target(title, (org.start, org.end), ROLE_CHARGE)]


def _candidate(text: str, s: Sentence, v: regex.Match[str], etype: str, found: tuple[NameMention | None, _Target, Rule]) -> Candidate:
    person, target, rule = found
    c = Candidate(etype, rule, s.span, (v.start(), v.end()), person)
    c.parts["verb"] = Fired(rule, v.start(), v.end())
    if person is not None:
        c.parts["person"] = Fired(person.rule, person.start, person.end)
    title = target.title
    if title is not None and title.role and target.role_rule is not None:
        c.role, c.former = lost_role(title.role, etype), title.role.startswith("nguyên ")
        c.parts["role"] = Fired(target.role_rule, title.start, title.role_end if title.role_end >= 0 else title.end)
    if target.org is not None:
        c.organization = title.organization if title is not None and target.org == (title.org_start, title.org_end) else org_text(text, *target.org)
        c.parts["organization"] = Fired(target.org_rule, *target.org)
    actor = _actor(text, s, v, person)
    if actor is not None and not (rule is UNNAMED_SUBJECT and title is not None and actor[1].start < title.end):  # the post undergoes it
        c.actor, c.parts["actor"] = actor
        if c.organization is None and c.role and _own_decider(s, etype, c.role, actor):
            c.own_body = _deciding_body(text, actor[1])
    dated = _date(text, s.span) or _year_date(text, s, v)
    if dated is not None:
        c.date, c.parts["date"] = dated
    return c


OWN_STAFF = ("appointment", "reappointment", "election", "dismissal")  # a club or company decides these of its own staff


def _own_decider(s: Sentence, etype: str, role: str, actor: tuple[str, Fired]) -> bool:
    """The decider read as a clause's capitalised subject that is no title ("Barca", "JVC") and is not written in the role
    ("HĐQT" of "Chủ tịch HĐQT"), or a body opening the clause that is a company's board ("Ban lãnh đạo Barca"): a body
    whose own post it fills or ends."""
    name, fired = actor
    if fired.rule in (ACTOR_SUBJECT_BODY, ACTOR_SUBJECT_CHAIN, ACTOR_MEETING_BODY):  # a body the lexicons read: only a company's board ("Hội đồng quản trị Sacombank")
        return etype in OWN_STAFF and (_board().match(name) is not None or _company().match(name) is not None)
    return (etype in OWN_STAFF and fired.rule is ACTOR_CLAUSE_SUBJECT and not any(t.start == fired.start for t in s.titles)
            and name.lower() not in role.lower())


@lru_cache(maxsize=1)
def _board() -> regex.Pattern[str]:
    """A board of a company opening its name: "HĐQT PVTex", "Ban lãnh đạo Barca": the company is the rest."""
    return regex.compile(rf"(?i){_any('board')}\s+(?=\p{{Lu}})")


@lru_cache(maxsize=1)
def _company() -> regex.Pattern[str]:
    """A company, bank or hospital by its head and own name ("Ngân hàng TMCP Sài Gòn Thương Tín", "Tổng công ty Thái Sơn";
    grammar class generic_body, capitalised): a body that fills or ends a post of its own."""
    heads = [w[:1].upper() + w[1:] for w in _words("generic_body")]
    return regex.compile(rf"{alternation(heads)}\s+\p{{L}}")


def _deciding_body(text: str, actor: Fired) -> Fired | None:
    """The body a deciding subject names, without its board ("HĐQT PVTex" -> "PVTex"); none for a board alone ("HĐQT")."""
    if text[actor.start : actor.end].lower() in {w.lower() for w in _words("board")}:
        return None
    board = _board().match(text, actor.start, actor.end)
    tail = _adverb_tail().search(text, actor.start, actor.end)  # "Tổng công ty X mới bổ nhiệm …": the adverb is no part of the body
    return Fired(ORG_OF_DECIDER, board.end() if board is not None else actor.start, tail.start() if tail is not None else actor.end)


@lru_cache(maxsize=1)
def _adverb_tail() -> regex.Pattern[str]:
    return regex.compile(rf"\s+{_any('adverb_before_verb')}$")


def lost_role(role: str, etype: str) -> str:
    """An event's post is the one gained, lost or held at the time: "nguyên Giám đốc" -> "Giám đốc"."""
    return role[len("nguyên ") :] if role.startswith("nguyên ") else role


def _per_person(text: str, s: Sentence, v: regex.Match[str], end: int, who: tuple[list[NameMention], str]) -> Iterator[tuple[NameMention | None, _Target, Rule | None]]:
    """(person, post, rule) of each position; a list of people each given a post after the verb
    ("bổ nhiệm ông A, bà B lần lượt giữ chức X, Y") gives one event per person. A loss gives no post:
    people told of with a post after it ("bắt tạm giam A, … nơi ông B là chủ tịch") are not its objects.
    With no person, a post described in plain words (titles.tsv sense "descriptive") gives no event."""
    persons, etype = who
    others = [n for n in s.names if n not in persons and v.end() <= n.start < end
              and any(t.via_cue and v.end() <= t.start < end for t in n.titles)] if etype not in LOSS else []
    listed: list[tuple[NameMention | None, Rule | None]] = [(p, None) for p in persons] or [(None, UNNAMED)]
    for person, rule in listed + [(n, LISTED_POST) for n in others]:
        targets = _targets(text, s, v, end, (person, etype))
        if person is None:  # a post described in plain words ("làm người đứng đầu Văn phòng …") is an event's only with its person
            targets = [t for t in targets if t.title is None or not descriptive_role(t.title.role)]
        if person is None and not targets and (subject := _subject_post(text, s, v)) is not None:
            targets, rule = [_Target(subject, (subject.org_start, subject.org_end), UNNAMED_SUBJECT)], UNNAMED_SUBJECT  # type: ignore[arg-type]
        if not targets and person is not None and (etype in RATIFIES or etype in LOSS or etype in MOVES):
            targets = [_Target(None, None, None)]  # the post comes from elsewhere in the article
        for target in targets:
            yield person, target, rule


def _subject_post(text: str, s: Sentence, v: regex.Match[str]) -> Title | None:
    """"Giám đốc Trung tâm X (, ngày 11/8,) bị khiển trách": the one post before the verb, in a sentence naming no
    person, with its body, opening its clause (nothing before it but the sentence start, a comma or a colon), undergoing
    the verb."""
    before = [t for t in s.titles if t.end <= v.start()]
    if s.names or len(before) != 1:
        return None  # a person named in the sentence, or a post in apposition to another: not an unnamed holder
    t = before[0]
    undergoes = _explicit_passive(text, t.end, v.start()) or _explicit_passive_re().match(text, v.start()) is not None  # "bị", "bị bắt"
    if t.org_start is None or t.org_end is None or t.bare or _generic(text, t) or not undergoes:
        return None
    start = max(s.span.start, *(text.rfind(c, s.span.start, t.start) + 1 for c in ",;:"))
    if _CLAUSE_HEAD.fullmatch(text, start, t.start) is None or not _passive(text, t.end, v.start(), s.titles):
        return None
    return t


_CLAUSE_HEAD = regex.compile(r"[\s\"“'‘(–-]*")  # only spaces, quotes or a dash between a clause start and its subject


def _clause_end(text: str, s: Sentence, i: int) -> int:
    end = s.span.end
    semi = text.find(";", s.verbs[i].end(), end)
    if semi >= 0:
        end = semi
    for nxt in s.verbs[i + 1 :]:
        if _is_framed(nxt) and not _framed_in_clause(text, s, nxt) and any(_PARTICULAR_GAP.fullmatch(text, t.end, nxt.start()) for t in s.titles):
            continue  # "A, Phó Hạt trưởng …, phụ trách địa bàn xã X và B": a charge written as a particular after a post
        if nxt.start() < end and _separate(text, s.verbs[i].end(), nxt.start()) and (_person_between(s, s.verbs[i].end(), nxt.start())
                                                                                    or _post_between(text, s, s.verbs[i].end(), nxt.start())
                                                                                    or _own_act_closed(text, s.verbs[i], nxt)):
            return nxt.start()  # "sa thải công tố viên …, dẫn tới sự từ chức của bộ trưởng …": each verb has its own post
    return end


_PARTICULAR_GAP = regex.compile(r"\s*,\s*")


def _own_act_closed(text: str, v: regex.Match[str], nxt: regex.Match[str]) -> bool:
    """A retirement or resignation is closed by a comma and the next verb's own subject: "khi ông A từ nhiệm, Công ty B
    đã bổ nhiệm 2 Phó Chủ tịch …" (the posts after it are the next verb's)."""
    if _verb_type(v) not in _SELF:
        return False
    comma = text.rfind(",", v.end(), nxt.start())
    return comma >= 0 and _clause_subject_re().fullmatch(text, comma + 1, nxt.start()) is not None


def _person_between(s: Sentence, a: int, b: int) -> bool:
    return any(a <= n.start < b for n in s.names)


def _post_between(text: str, s: Sentence, a: int, b: int) -> bool:
    """A post given to no one between two verbs, before the last comma between them: the first verb's object
    ("sa thải công tố viên đặc biệt …, dẫn tới sự từ chức của …"); a title right before a verb is its decider instead."""
    comma = text.rfind(",", a, b)
    if comma < 0 or any(comma < t.end <= b for t in s.titles):
        return False  # "cho thôi tham gia Ban Chấp hành, Ban Thường vụ và thôi giữ chức …": a list of posts goes on
    owned = _owned(s)
    return any(a <= t.start and t.end <= comma and (t.start, t.end) not in owned and not _acts(text, t) for t in s.titles)


def _targets(text: str, s: Sentence, v: regex.Match[str], end: int, who: tuple[NameMention | None, str]) -> list[_Target]:
    """The positions gained or lost, one per coordinated body."""
    person, etype = who
    if _is_framed(v):
        return _charge(text, v, end)
    owned = _owned(s)
    mine = [t for t in (person.titles if person else []) if t.via_cue and v.end() <= t.start < end and not _source(text, s, t)]
    named = [t for t in (person.titles if person else []) if not t.via_cue and v.end() <= t.start and t.end <= person.start]  # type: ignore[union-attr]
    free = [t for t in s.titles if v.end() <= t.start < end and (t.start, t.end) not in owned and not _acts(text, t) and not t.bare
            and not _source(text, s, t) and not _proposer(text, s, t) and not _owner(text, s, t)
            and _other_act().search(text, v.end(), t.start) is None]  # "… đơn kiến nghị gửi lên Bộ trưởng Bộ Y tế": the post receives it
    before = len(mine) + len(free)
    mine, free = _own_clause(text, v, mine), _own_clause(text, v, free)
    other = before - len(mine) - len(free)  # posts of another clause passed over
    named, free, passed = _not_former(named, etype), _not_former(free, etype), _not_former(named + free, etype) != named + free
    titles, rule = ((mine, ROLE_PERSON_CUE) if mine else (named, ROLE_PERSON_TITLE) if named
                    else (free, ROLE_AFTER_VERB) if free else (_framed(text, s, v, owned), ROLE_POST_FRAME))
    if passed and not titles:
        return [_Target(None, None, None)]  # the person's old post only: the event, with no post
    rule = ROLE_GAINED if passed and rule in (ROLE_PERSON_TITLE, ROLE_AFTER_VERB) else rule
    if not titles and person is not None and etype in LOSS:
        titles, rule = held_post(person.titles), ROLE_HELD
    elif person is not None and etype in LOSS and titles and all(t.organization is None for t in titles):
        held = [h for h in person.titles if h.organization and any(lost_role(h.role, etype).lower() == t.role.lower() for t in titles)]
        titles, rule = (held[:1], ROLE_HELD) if held else (titles, rule)  # "cách chức Trưởng phòng": the one the person holds
    if not titles and person is not None and etype in ("transfer", "rotation", "secondment"):
        return _destination(text, v, end)
    rule = ROLE_OWN_CLAUSE if other and titles and rule in (ROLE_PERSON_CUE, ROLE_AFTER_VERB, ROLE_HELD) else rule
    out: list[_Target] = []
    for t in titles:
        of = _body_after_of(text, s, t, end) if t.org_start is None and person is not None else None  # no unnamed event from it
        own = ([_Target(t, (t.org_start, t.org_end), rule)] if t.org_start is not None and t.org_end is not None
               else [_Target(t, t.shared_org, rule, ORG_SHARED)] if t.shared_org is not None
               else [_Target(t, of, rule, ORG_AFTER_OF)] if of is not None else [_Target(t, None, rule)])
        out.extend(own + [_Target(t, o, rule, ORG_COORDINATED) for o in t.coordinated])
    return out


def _own_clause(text: str, v: regex.Match[str], titles: list[Title]) -> list[Title]:
    """The titles of the verb's own clause: none after a word opening another clause ("khi", "vì", "nhưng")."""
    return [t for t in titles if _other_clause().search(text, v.end(), t.start) is None]


@lru_cache(maxsize=1)
def _other_clause() -> regex.Pattern[str]:
    """A word opening another clause: a time clause (event_cues.tsv fronted_time) or a cause or contrast (other_clause),
    not a time anaphor (same_clause: "khi đó")."""
    same = alternation(cue_words("same_clause"))
    opener = alternation(cue_words("fronted_time") + cue_words("other_clause"))
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?!(?:{same})(?![\p{{L}}]))(?:{opener})(?![\p{{L}}])")


def _not_former(titles: list[Title], etype: str) -> list[Title]:
    """The titles that may be a post gained: for an event that gives a post, none written as past ("cựu", "nguyên")."""
    return titles if etype in LOSS else [t for t in titles if not t.role.startswith("nguyên ")]


@lru_cache(maxsize=None)
def _of_gap(link: str = "possessive") -> regex.Pattern[str]:
    """Between a post with no body and the body it is of: "(mới|đầu tiên) của " (the words of grammar class ``link``),
    group "link" the linking word."""
    return regex.compile(rf"(?i)\s+(?:{_any('post_qualifier')}\s+)?(?P<link>{_any(link)})\s+(?=\p{{Lu}})")


_WORD = r"\p{Lu}[\p{L}\p{M}\p{N}&-]*(?:\.\p{Lu}[\p{L}\p{M}\p{N}&-]*)*"  # "Sabeco", "LienVietPostBank", "TP.HCM"
_CAPITALISED_RUN = regex.compile(rf"{_WORD}(?:\s+{_WORD}){{0,4}}(?:\s*\(\p{{Lu}}[\p{{Lu}}\p{{N}}&-]{{1,9}}\))?(?![\p{{L}}\p{{M}}\p{{N}}])")
_NAMED_BY_ACRONYM = regex.compile(r"\p{Lu}[^,;:()]{0,60}?\s*\(\p{Lu}[\p{Lu}\p{N}&-]{1,9}\)")  # "Tổ chức Y tế Thế giới (WHO)"
_LOWER_NEXT = regex.compile(r"\s+\p{Ll}")


def _capitalised_body(text: str, at: int, end: int) -> tuple[int, int] | None:
    """A body written as a name: words up to its bracketed acronym ("Tổ chức Y tế Thế giới (WHO)"), else capitalised words,
    one word alone before a lower-case word only when written without Vietnamese marks (a brand: "Sabeco kể từ …", not "Tổ chức")."""
    acronym = _NAMED_BY_ACRONYM.match(text, at, end)
    if acronym is not None:
        return acronym.start(), acronym.end()
    run = _CAPITALISED_RUN.match(text, at, end)
    if run is None:
        return None
    if " " not in run.group() and _LOWER_NEXT.match(text, run.end(), end) and not run.group().isascii():
        return None
    return run.start(), run.end()


def body_after_of(text: str, s: Sentence, t: Title, end: int, link: str = "possessive") -> tuple[int, int] | None:
    """"Ngoại trưởng mới của Hàn Quốc", "Giám đốc điều hành của Kaspersky Lab APAC": the span of the body a post with no body
    of its own is "of" (read as a body, else a capitalised run), not a person or a title ("cố vấn của Tổng thống X").
    ``link`` is the grammar class of the linking words (people read "tại", "thuộc" too: class post_of); after any word but
    "của" a place alone is where the post is, not its body ("Giám đốc điều hành tại Việt Nam")."""
    span = _body_after_of(text, s, t, end, link)
    if span is None or span[1] <= span[0]:
        return None
    gap = _of_gap(link).match(text, t.end, min(end, s.span.end))
    if gap is not None and gap.group("link").lower() not in lexicons().grammar("possessive") and _place_alone(text[span[0]:span[1]]):
        return None
    return span


def _place_alone(written: str) -> bool:
    """A body read that is only a place of places.tsv, maybe after its level ("Hà Nội", "tỉnh Hà Giang", "Việt Nam")."""
    lex = lexicons()
    words = " ".join(written.rstrip(".").split())
    if words in lex.places:
        return True
    level, _, rest = words.partition(" ")
    return bool(rest) and lex.admin_levels.get(level.lower(), ('', ''))[1] == "level" and rest in lex.places


def _body_after_of(text: str, s: Sentence, t: Title, end: int, link: str = "possessive") -> tuple[int, int] | None:
    gap = _of_gap(link).match(text, t.end, min(end, s.span.end))
    if gap is None:
        return None
    at = gap.end()
    if any(n.start <= at < n.end or (n.honorific_start is not None and n.honorific_start <= at < n.end) for n in s.names) or any(x.start == at for x in s.titles):
        return None
    org = read_org(text, at, s.span.end)
    if org is not None and org.end > org.start and org.name_start is None:
        return org.start, org.end
    run = _capitalised_body(text, at, s.span.end)
    return run if run is not None and not any(at <= n.start < run[1] for n in s.names) else None


def held_post(titles: list[Title]) -> list[Title]:
    """The post a loss event takes from a person's titles: one held now in apposition ("ông X, nguyên
    Giám đốc sở Xây dựng, Phó Chủ tịch UBND tỉnh" -> Phó Chủ tịch), else a former one, else one given through a cue."""
    ranked = sorted(titles, key=lambda t: (t.via_cue and not t.role.startswith("nguyên"), t.role.startswith("nguyên")))
    return ranked[:1]


@lru_cache(maxsize=1)
def _proposer_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(cue_words('clause_proposal'))})\s+(?:{_any('complement_preposition')}\s+)?$")


def _proposer(text: str, s: Sentence, t: Title) -> bool:
    """"bổ nhiệm, miễn nhiệm theo đề nghị của Bộ trưởng Bộ Nội vụ": the title after a proposal is who proposed, not the post."""
    return _proposer_before().search(text, max(s.span.start, t.start - 25), t.start) is not None


def _owner(text: str, s: Sentence, t: Title) -> bool:
    """"… làm X, vị trí được ví như cánh tay phải của tổng thống": a title after "của" is whose something is, not the post."""
    return _before_person("possessive").search(text, max(s.span.start, t.start - 8), t.start) is not None


def _source(text: str, s: Sentence, t: Title) -> bool:
    """"điều động ông từ vị trí X vào giữ chức Y": X is the post left, not the one gained."""
    return cue_regex("source", False, True).search(text, max(s.span.start, t.start - 20), t.start) is not None


def _framed(text: str, s: Sentence, v: regex.Match[str], owned: dict[tuple[int, int], tuple[NameMention, bool]]) -> list[Title]:
    """"Ở chức danh phó chủ tịch HĐND huyện, các đại biểu đã bầu ông X": the post named by a frame
    opening the sentence before the verb."""
    frame = cue_regex("post_frame", False, True)
    return [t for t in s.titles if t.end <= v.start() and (t.start, t.end) not in owned
            and frame.search(text, max(s.span.start, t.start - 25), t.start) is not None][:1]


def _acts(text: str, t: Title) -> bool:
    """A role right before a verb, or before adverbs and a verb, is who acts ("được Thủ tướng phê chuẩn",
    "Thủ tướng vừa điều động"), not a post given."""
    gap = _adjacent_adverbs().match(text, t.end)
    if gap is None or gap.end() <= t.end or verb_pattern().match(text, gap.end()) is None:
        return False
    return _explicit_passive_re().match(text, gap.end()) is None  # "Chánh văn phòng Tỉnh ủy được bầu làm …": the post undergoes it


@lru_cache(maxsize=1)
def _adjacent_adverbs() -> regex.Pattern[str]:
    """A space, or adverbs between spaces: what may stand between a deciding title and its verb ("Thủ tướng vừa điều động")."""
    return regex.compile(rf"(?i) (?:{_any('adverb_before_verb')} )*")


def _destination(text: str, v: regex.Match[str], end: int) -> list[_Target]:
    """"điều động đến nhận công tác tại Ban Quản lý …": no role, the body gone to."""
    cue = cue_regex("destination", False).search(text, v.end(), end)
    org = read_org(text, cue.end(), end) if cue else None
    if org is None or org.end <= org.start:
        return []
    return [_Target(None, (org.start, org.end), None, ROLE_DESTINATION)]


@lru_cache(maxsize=1)
def _verb_join() -> regex.Pattern[str]:
    return regex.compile(rf"\s*(?:,|{_any('and')})\s*")


def joined_verbs(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two verbs written as one phrase, in either order: "điều động, bổ nhiệm", "khởi tố và bắt tạm giam"."""
    first, second = sorted((a, b))
    return first[1] <= second[0] and not _separate(text, first[1], second[0])


def _separate(text: str, a: int, b: int) -> bool:
    """Two verbs are separate clauses unless joined as "điều động, bổ nhiệm"."""
    return _verb_join().fullmatch(text[a:b]) is None


def _persons_for(text: str, s: Sentence, v: regex.Match[str], clause_end: int, etype: str) -> tuple[list[NameMention], Rule]:
    """Who the verb is about: the passive subject before it ("ông X, Giám đốc sở, được bổ nhiệm",
    "các bà A, B được bầu"), else the object after it ("bổ nhiệm ông X"), else for a verb of one's
    own (retirement, resignation) the subject before it ("ông X gửi đơn xin từ chức")."""
    clause_start = max(s.span.start, text.rfind(";", s.span.start, v.start()) + 1)
    before = [n for n in s.names if clause_start <= n.start and n.end <= v.start() and not _source_of(text, s, n)]
    before, head = _past_owner(text, s, v, before)
    if head is not None:  # "ông A, một đồng minh của Chủ tịch B, vừa được chỉ định …": A
        return _with_group(s, head), POSSESSOR_HEAD
    obj = _verb_object(text, s, v, clause_end)
    if before and _agent(text, s, before[-1]):
        before = before[:-1]  # "Dubke được Tổng thống Trump bổ nhiệm": Trump acts, Dubke undergoes it
        if before and _explicit_passive_re().search(text, before[-1].end, v.start()):
            return _with_group(s, before[-1]), PASSIVE_SUBJECT
    if before:
        n = before[-1]
        gap = _gap_start(n, v)
        passive_verb = _explicit_passive_re().match(text, v.start()) is not None  # "bà X được bầu lại làm …, Thủ tướng Y đã gửi điện"
        if _passive(text, gap, v.start(), s.titles) and (obj is None or passive_verb or _explicit_passive(text, gap, v.start())) and not _acts_on(text, s, v, gap):
            return _coordinated(text, before, n) + _with_group(s, n), RECEIVED if _received().search(text, gap, v.start()) else PASSIVE_SUBJECT
        if _next_step(text, n, v) or _purpose_of(text, s, n, v):
            return _with_group(s, n), PASSIVE_SUBJECT
        if obj is None and (described := _described(text, s, n, v)) is not None:
            return [n], described
    if obj is not None:  # "bổ nhiệm ông X giữ chức …", "ông Trump sa thải giám đốc FBI James Comey"
        return _listed_objects(text, s, obj, clause_end), OBJECT
    own = _own_act_rule(text, before[-1], v) if before and etype in _SELF else None
    return (_with_group(s, before[-1]), own) if own is not None else ([], UNNAMED)


def _own_act_rule(text: str, n: NameMention, v: regex.Match[str]) -> Rule | None:
    """A retirement or resignation of the person before it, their own ("ông X gửi đơn xin từ chức") or made known by them
    ("ông X tuyên bố từ chức"): the rule that reads it, else None."""
    gap = _gap_start(n, v)
    if _own_act_gap().fullmatch(text, gap, v.start()):
        return OWN_ACT
    if _announced_gap().fullmatch(text, gap, v.start()):
        return ANNOUNCED_OWN_ACT
    return RELATIVE_OWN_ACT if _relative_own_gap().fullmatch(text, gap, v.start()) else None


@lru_cache(maxsize=1)
def _relative_own_gap() -> regex.Pattern[str]:
    """", người (đã) (quyết định xin)", "– người …", ", là người vừa" between a person (past their titles) and a
    retirement or resignation of their own: a relative clause about the person. Not after "và" ("ông X, Chủ tịch A và là
    người vừa từ nhiệm ở B": the post written is not the one left)."""
    own = alternation([*_words("adverb_before_verb", "request"), *cue_words("future")])
    return regex.compile(rf"(?i)\s*(?:,|\s[–-])\s*(?:{_any('copula')}\s+)?{_any('relative_pronoun')}\s+(?:(?:{own})\s+)*")


def _verb_object(text: str, s: Sentence, v: regex.Match[str], clause_end: int) -> NameMention | None:
    """The verb's object (:func:`_object`): none with an agent after the verb ("bầu bởi <agent>"), nor after a verb in the
    passive ("… bị cách chức Nhà lãnh đạo X đã …", "người vừa được ông A bổ nhiệm vào ghế …, … ông B") save a subject
    after it (:func:`_subject_after`)."""
    if _agent_marker().match(text, v.end(), s.span.end) is not None:
        return None
    obj = _object(text, s, v, clause_end)
    return None if obj is not None and _undergone(text, s, v) and not _subject_after(text, v, obj) else obj


_ADVERBS_GAP = regex.compile(r"\s*")


def _undergone(text: str, s: Sentence, v: regex.Match[str]) -> bool:
    """The verb is put in the passive: "bị"/"được" and only its adverbs right before it ("… bị cách chức", "vừa được
    bổ nhiệm"), or with a named agent between ("người vừa được ông Trump bổ nhiệm"). Such a verb has no object: a
    person named after it opens another clause or is told of ("… bị cách chức Nhà lãnh đạo X đã …")."""
    if _passive_before().search(text, max(s.span.start, v.start() - 40), v.start()) is not None:
        return True
    agent = next((n for n in reversed(s.names) if n.end <= v.start()), None)
    return agent is not None and _ADVERBS_GAP.fullmatch(text, agent.end, v.start()) is not None and _agent(text, s, agent)


def _subject_after(text: str, v: regex.Match[str], n: NameMention) -> bool:
    """A person after a verb in the passive who still undergoes it: the people a list names after it ("4 đảng viên bị
    kỷ luật, gồm: bà A …"), or the subject opening the main clause right after the comma that ends a fronted clause
    ("Kể từ khi được ông A bổ nhiệm làm …, ông B đã …")."""
    start = mention_start(n)
    return _member_opener().search(text, v.end(), start) is not None or text[v.end() : start].rstrip().endswith(",")


@lru_cache(maxsize=1)
def _object_start() -> regex.Pattern[str]:
    """What opens the object of a verb: a capital, a number, an honorific, a role, a quantifier."""
    g = grammar()
    quantifiers = alternation([*cue_words("generic"), *_words("person_noun")])
    return regex.compile(rf"\s+(?:\p{{Lu}}|\d|(?i:(?:{quantifiers})(?![\p{{L}}]))|{g.honorific.pattern}|{g.role.pattern})")


def _acts_on(text: str, s: Sentence, v: regex.Match[str], gap: int) -> bool:
    """"Kiir đã bổ nhiệm Tướng James Ajong làm …", "Macron chỉ định Thủ tướng", "Moon Jae-in đã bổ
    nhiệm 12 bộ trưởng": a person before a verb of appointment, removal or punishment, with no
    "được"/"bị" nor "nhận (quyết định)" between, acts on the object written right after the verb; not a verb whose subject
    undergoes it ("ông X đắc cử", "ông X thôi giữ chức …": intransitive in event_cues.tsv)."""
    phrase = " ".join(v.group("v").lower().split())
    intransitive = "intransitive" in lexicons().event_cues.get(phrase, "").split(",")
    if _explicit_passive(text, gap, v.start()) or lexicons().personnel_verbs[phrase] in _SELF or _is_framed(v) or intransitive:
        return False
    if _received().search(text, gap, v.start()) is not None:
        return False  # "ông X nhận quyết định bổ nhiệm Giám đốc …": X receives the appointment, not makes it
    return _object_start().match(text, v.end(), s.span.end) is not None


@lru_cache(maxsize=1)
def _own_act_gap() -> regex.Pattern[str]:
    """Between a person and a retirement or resignation of their own: adverbs and the letter asking for it."""
    words = alternation([*_words("adverb_before_verb", "request", "passive"), *cue_words("future")])  # "sẽ nghỉ hưu từ ngày …"
    return regex.compile(_appositions() + rf"(?i:[\s,–-]*(?:(?:{words})\s+)*)")


@lru_cache(maxsize=1)
def _announced_gap() -> regex.Pattern[str]:
    """Between a person and a retirement or resignation they make known: a verb of announcing among the words of
    :func:`_own_act_gap` ("vừa bất ngờ thông báo", "đã tuyên bố", "xác nhận đã nộp đơn"); no decision after it, which
    is handed over, not one's own ("công bố quyết định nghỉ hưu của …")."""
    own = [*_words("adverb_before_verb", "request", "passive"), *cue_words("future")]
    before, after = (rf"(?:(?:{alternation(w)})\s+)*" for w in (own, [w for w in own if w not in _words("decision_noun")]))
    return regex.compile(_appositions() + rf"(?i:[\s,–-]*{before}{_any('announce_own')}\s+{after})")


def _object(text: str, s: Sentence, v: regex.Match[str], clause_end: int) -> NameMention | None:
    """The first person named after the verb in its clause, outside any title ("cảnh cáo đối với ông X"),
    within reach of the verb: no more than OBJECT_REACH characters of other words between them
    (its own titles aside), and no other agent ("được ông Trump")."""
    owned = [(t.start, t.end) for t in s.titles]
    for n in s.names:
        if v.end() <= n.start < clause_end and (_possessed(text, v, n) or _kin_of(text, s, n)):
            continue  # "quyết định bổ nhiệm của ông Moon Jae-in, bà Kang …": Moon decided; "khởi tố con trai ông X": not X
        if v.end() <= n.start < clause_end and not any(a <= n.start < b for a, b in owned) and not _replaced(text, s, n):
            between = n.start - v.end() - sum(t.end - t.start for t in s.titles if v.end() <= t.start and t.end <= n.start)
            speaks = _speaks(text, n)
            told = _speech().search(text, v.end(), n.start) is not None  # "miễn nhiệm cho thấy ông Sáu …": the subject of what is said
            told = told or _clause_opener().search(text, v.end(), n.start) is not None  # "được điều động sau khi ông Putin yêu cầu"
            told = told or _other_act().search(text, v.end(), n.start) is not None  # "từ chức bằng một lá thư gửi đến CEO X": X receives it
            told = told or _subject_verb_between(text, s, v, n)  # "khi ông A từ nhiệm, Công ty B đã bổ nhiệm ông C": C is B's
            return n if between <= OBJECT_REACH and not _agent(text, s, n) and not speaks and not told and not _opens_clause(text, s, v, n) else None
    return None


OBJECT_REACH = 80


def _subject_verb_between(text: str, s: Sentence, v: regex.Match[str], n: NameMention) -> bool:
    """For a verb of one's own act (retirement, resignation), another personnel verb between it and the person, opening a
    clause of its own after a comma with a subject before it: "Ngay sau khi ông A từ nhiệm, Công ty B đã bổ nhiệm ông C …"
    (C is appointed, he does not resign); nor, when the act has its own subject, a person past a comma that neither
    "đối với"/"với" nor a list ("gồm") introduces ("Sau khi ông A nghỉ hưu, ông C làm Giám đốc …"; not "Sau khi nghỉ
    hưu, ông A …", "… đã từ chức, gồm ông A, ông B"). An act done to someone shares its object ("X đã khai trừ, Y đã cách chức … đối
    với ông Z") and is left alone."""
    if _verb_type(v) not in _SELF:
        return False
    at = mention_start(n)
    comma = text.rfind(",", v.end(), at)
    own = any(m.end <= v.start() and m.start >= max(s.span.start, text.rfind(";", s.span.start, v.start()) + 1) for m in s.names)
    if comma >= 0 and own and _before_person("object_marker").search(text, max(v.end(), at - 12), at) is None \
            and _member_opener().search(text, comma, at) is None:
        return True  # "Sau khi ông A nghỉ hưu, ông C làm Giám đốc": the comma closes A's act, C opens the next clause
    for w in s.verbs:
        if not (v.end() <= w.start() and w.end() <= mention_start(n)) or joined_verbs(text, (v.start(), v.end()), (w.start(), w.end())):
            continue
        comma = text.rfind(",", v.end(), w.start())
        if comma >= 0 and _clause_subject_re().fullmatch(text, comma + 1, w.start()) is not None:
            return True
    return False


def _opens_clause(text: str, s: Sentence, v: regex.Match[str], n: NameMention) -> bool:
    """"Sa thải Giám đốc FBI …, Tổng thống Mỹ Donald Trump đã gây …": the first person after the verb, after a
    comma and before an adverb of their own verb, is the subject of the main clause, not the verb's object."""
    start = mention_start(n)
    if not text[v.end() : start].rstrip().endswith(",") or not _active_verb(text, s, v):
        return False
    end = max([n.end] + [t.end for t in n.titles if t.start >= n.end])
    return _own_adverb().match(text, end) is not None


def _active_verb(text: str, s: Sentence, v: regex.Match[str]) -> bool:
    """A verb whose subject acts on someone: not one undergone ("đắc cử", "nghỉ hưu", "bị bắt") nor put in the
    passive ("Kể từ khi được ông Trump bổ nhiệm …, ông Mueller đã …": the subject after the comma undergoes it)."""
    phrase = " ".join(v.group("v").lower().split())
    if lexicons().personnel_verbs[phrase] in _SELF or "intransitive" in lexicons().event_cues.get(phrase, "").split(","):
        return False
    clause_start = max(s.span.start, text.rfind(";", s.span.start, v.start()) + 1)
    return _explicit_passive_re().match(text, v.start()) is None and not _explicit_passive(text, clause_start, v.start())


@lru_cache(maxsize=1)
def _own_adverb() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\s+(?:{_any('adverb_before_verb')})\s")


@lru_cache(maxsize=1)
def _clause_opener() -> regex.Pattern[str]:
    """A conjunction that opens another clause (org_stops.tsv, kind conjunction: "sau khi", "nhưng", "vì")."""
    words = [w for w, kind in lexicons().org_stops.items() if kind == "conjunction"]
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(words)})(?![\p{{L}}])")


def _speaks(text: str, n: NameMention) -> bool:
    """A verb of saying right after the person (past their titles): "…, ông Khánh phân trần: …"."""
    end = max([n.end] + [t.end for t in n.titles if t.start >= n.end])
    return _speech().match(text, _SPEAKS_AFTER.match(text, end).end()) is not None  # type: ignore[union-attr]
_SPEAKS_AFTER = regex.compile(r"[\s,]*(?:\([^()]{0,60}\)[\s,]*)?")  # "… giao nhiệm vụ, Phó Chủ tịch X (Cà Mau) nhấn mạnh": X speaks


@lru_cache(maxsize=1)
def _agent_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}]){_any('passive', 'agent_marker')}\s+(?:{_any('emphatic')}\s+)?$")


def _agent(text: str, s: Sentence, n: NameMention) -> bool:
    """A person named after "được"/"bị" (with titles between) does the act: "Dubke được Tổng thống
    Trump bổ nhiệm", "người mới được ông Trump bổ nhiệm"."""
    start = min([n.start] + [t.start for t in n.titles if t.end <= n.start])
    start = n.honorific_start if n.honorific_start is not None and n.honorific_start < start else start
    return _agent_before().search(text, max(s.span.start, start - 40), start) is not None


@lru_cache(maxsize=1)
def _list_gap() -> regex.Pattern[str]:
    """Between two persons of a list: "ông A, bà B", "A và B", "A; chị B"; past the particulars the item writes
    after its post ("A, Phó Hạt trưởng …, phụ trách địa bàn xã X và B", "A, cán bộ …, trú tại xã Y, B")."""
    conj = _any("and")
    tail = rf"(?:[\s,]+{_any('item_tail', 'residence')}(?![\p{{L}}])[^,;:()]{{0,60}}?)?"
    return regex.compile(rf"{tail}\s*(?:,|;|{conj}|,\s*{conj})\s*(?:{_any('kinship_address')}\s+)?$", regex.I)


_BRACKETED = regex.compile(r"\([^()]*\)")


def _listed_objects(text: str, s: Sentence, first: NameMention, clause_end: int) -> list[NameMention]:
    """The object and the persons listed after it, each past its own apposition ("bắt tạm giam
    Trần Thanh Dâng (40 tuổi, nguyên cán bộ …) và Y Quyết Krông (41 tuổi, …)")."""
    out = _with_group(s, first)
    last = out[-1]  # past the group the first belongs to ("các ông: A, cán bộ …, B, Kiểm lâm viên … và C")
    for n in s.names:
        if n.start <= last.end or n.start >= clause_end or n in out:
            continue
        gap_start = max([last.end] + [t.end for t in last.titles if last.end <= t.end <= n.start])
        gaps = (_BRACKETED.sub("", text[start : n.start]) for start in (gap_start, last.end))  # particulars in brackets
        if not any(_list_gap().fullmatch(gap) for gap in gaps) or _speaks(text, n) or _acts_next(text, n):
            break  # "bắt tạm giam BS A, ông Khánh phân trần: …": the next person speaks; "sa thải X, ông Trump sẽ …": acts
        out.append(n)
        last = n
    return out


@lru_cache(maxsize=1)
def _member_opener() -> regex.Pattern[str]:
    """A word opening a list of the people a verb acts on, with its colon (grammar class inclusion): "gồm:", "trong đó có"."""
    return regex.compile(rf"(?i)(?<![\p{{L}}]){_any('inclusion')}(?![\p{{L}}])\s*:?")


def _members(text: str, s: Sentence, v: regex.Match[str], listed: list[NameMention]) -> list[NameMention]:
    """The persons of a list opened between a verb of loss and its object ("khởi tố 3 bị can gồm: A (…), Giám đốc X; B,
    …"), past those :func:`_listed_objects` reads: each opening an item with their name (after ":", ";", "," or "và")
    and holding a post of their own (:func:`_own_posts`: not one of another item); no more than the count the verb gives
    before the list ("3 bị can gồm": three), and no one past a person who speaks or acts."""
    opener = None
    for found in _member_opener().finditer(text, v.end(), mention_start(listed[0])):
        opener = found  # the last before the object
    if opener is None:
        return []
    room = _list_count(text, v.end(), opener.start()) - len(listed)
    out: list[NameMention] = []
    seen = opener.end()
    for n in s.names:
        if n.start <= listed[0].start or n in listed:
            continue
        if len(out) >= room or _speaks(text, n) or _agent(text, s, n) or _speech().search(text, seen, n.start) is not None:
            break
        seen, start = max(seen, n.start), n.honorific_start if n.honorific_start is not None else n.start
        if held_post(n.titles) and _item_start().search(text, max(opener.end(), start - 60), start) is not None and not _own_verb(text, s, n):
            out.append(n)
    return out


def _own_verb(text: str, s: Sentence, n: NameMention) -> bool:
    """A personnel verb in the person's own item, after the name and before the next ";" or person ("B, Trưởng khoa X,
    nhận hình thức khiển trách; C …"): the item tells the person's event itself."""
    ends = [m.start for m in s.names if m.start > n.end] + [p for p in (text.find(";", n.end, s.span.end),) if p >= 0]
    end = min(ends, default=s.span.end)
    return any(n.end <= w.start() < end for w in s.verbs)


_LIST_COUNT = regex.compile(rf"(?i)(?<![\p{{L}}\d])(?P<n>\d+|{NUMBER_WORD_PATTERN})\s+\p{{Ll}}+")


def _list_count(text: str, start: int, end: int) -> int:
    """The number of people a verb says it acts on before the list opens ("bắt tạm giam 3 bị can gồm", "khiển trách hai
    người, gồm"), else no bound."""
    found = None
    for count in _LIST_COUNT.finditer(text, start, end):
        found = count  # the last before the list
    if found is None:
        return 1_000
    n = found.group("n")
    value = int(n) if n.isdigit() else parse_number_words(n.lower())
    return int(value) if value else 1_000


def _acts_next(text: str, n: NameMention) -> bool:
    """An adverb of a verb of their own right after a person (past their titles): "…, ông Trump sẽ phải …", "…, ông B đã
    …": the person opens a clause of their own, they are no further object of the verb before."""
    end = max([n.end] + [t.end for t in n.titles if t.start >= n.end])
    return _own_adverb().match(text, end) is not None or _future_after().match(text, end) is not None


@lru_cache(maxsize=1)
def _future_after() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\s+(?:{alternation(cue_words('future'))})\s")


def _coordinated(text: str, before: list[NameMention], last: NameMention) -> list[NameMention]:
    """The persons joined to a subject by "và" or a comma ("Ông A và bà B được bầu …" -> A, then B)."""
    out: list[NameMention] = []
    nxt = last
    for n in reversed(before[:-1]):
        if n.group is not None and n.group == nxt.group:
            break  # a list already read as one group
        gap_start = max([n.end] + [t.end for t in n.titles if n.end <= t.end <= nxt.start])
        if not _list_gap().fullmatch(text, gap_start, nxt.start):
            break
        out.insert(0, n)
        nxt = n
    return out


@lru_cache(maxsize=1)
def _step_gap() -> regex.Pattern[str]:
    """After a post the person took, the next step they undergo: "… giữ chức X rồi được bổ nhiệm …"."""
    adverbs = _any("adverb_before_verb")
    held_for = rf"(?:\s+{_any('passive')}\s+\d+\s+{_any('day_noun', 'month_noun', 'year_noun')})?"  # "được 5 tháng"
    return regex.compile(rf"(?i){held_for}\s*,?\s*(?:{_any('succession', 'and', 'step_link')})\s+(?:{adverbs}\s+)*(?:{_any('passive')}\s+)?(?:{adverbs}\s+)*")


def _next_step(text: str, n: NameMention, v: regex.Match[str]) -> bool:
    """"Ông X lần lượt giữ chức trưởng phòng rồi được bổ nhiệm phó giám đốc …": the person's post through a
    cue, then a succession word and "được"/"bị" before the verb: the person undergoes it."""
    ends = [t.end for t in n.titles if t.via_cue and n.end <= t.end <= v.start()]
    return bool(ends) and _step_gap().fullmatch(text, max(ends), v.start()) is not None and _explicit_passive(text, max(ends), v.end())


@lru_cache(maxsize=1)
def _purpose_gap() -> regex.Pattern[str]:
    """A clause of the person's own, then "để được"/"để bị" before the verb: "Tâm khai đã chi 370 triệu đồng để được bổ nhiệm …"."""
    adverbs = _any("adverb_before_verb")
    return regex.compile(rf"(?i)\s+[^,;:()]{{1,100}}?\s(?:{alternation(cue_words('purpose'))})\s+{_any('passive')}\s+(?:{adverbs}\s+)*")


def _purpose_of(text: str, s: Sentence, n: NameMention, v: regex.Match[str]) -> bool:
    """The subject of a clause that goes on "để được <verb>" undergoes the verb: the person opens the
    sentence (or follows a connective) and no other person stands between."""
    opens = _sentence_opener().fullmatch(text, s.span.start, n.honorific_start if n.honorific_start is not None else n.start)
    others = any(n.end <= m.start < v.start() for m in s.names)
    return opens is not None and not others and _purpose_gap().fullmatch(text, _gap_start(n, v), v.start()) is not None


@lru_cache(maxsize=1)
def _apposed_gap() -> regex.Pattern[str]:
    """", <an apposition of up to 160 characters> (đã) được|bị (chính thức)" before the verb."""
    adverbs = _any("adverb_before_verb")
    return regex.compile(rf"(?i),\s+[^;:\"“”]{{1,160}}?\s(?:{adverbs}\s+)*(?P<p>{_any('passive')}\s+)?(?:{adverbs}\s+)*")


def _apposed(text: str, s: Sentence, n: NameMention, v: regex.Match[str]) -> bool:
    """The person opens the sentence and is described at length before "được"/"bị" and the verb, with no other
    person, personnel verb, speech or clause opener in the description: the person undergoes the verb."""
    start = n.honorific_start if n.honorific_start is not None else mention_start(n)
    gap = _apposed_gap().fullmatch(text, n.end, v.start())
    if _sentence_opener().fullmatch(text, s.span.start, start) is None or gap is None:
        return False
    if gap.group("p") is None and _explicit_passive_re().match(text, v.start()) is None:
        return False  # "được"/"bị" before the verb or opening it ("được bầu")
    inside = any(n.end <= m.start < v.start() for m in s.names) or any(n.end <= w.start() < v.start() for w in s.verbs)
    return not inside and _speech().search(text, n.end, v.start()) is None and _clause_opener().search(text, n.end, v.start()) is None


_CUE_GAP = regex.compile(r"\s+(?:\p{L}+\s+){0,3}?")  # the cue between a verb and its post: " làm ", " giữ chức ", " lên giữ chức "


def _cue_owner(text: str, s: Sentence, v: regex.Match[str], clause_end: int) -> NameMention | None:
    """The person a verb with no person of its own is about when the sentence's names already give them the post
    right after the verb through a cue: the person named before the verb (not its agent), with "được"/"bị" between."""
    owned = _owned(s)
    first = next((t for t in s.titles if v.end() <= t.start < clause_end), None)
    if first is None or _CUE_GAP.fullmatch(text, v.end(), first.start) is None:
        return None
    person, via_cue = owned.get((first.start, first.end), (None, False))
    if person is None or not via_cue or person.end > v.start() or _agent(text, s, person):
        return None
    clause_start = max(s.span.start, text.rfind(";", s.span.start, v.start()) + 1)
    if person.start < clause_start or not _explicit_passive(text, person.end, v.start()) or _speech().search(text, person.end, v.start()):
        return None
    idioms = cue_regex("negation_idiom", False)  # "không chỉ": no condition
    if any(not idioms.match(text, c.start()) for c in _clause_proposal().finditer(text, s.span.start, v.start())):
        return None  # "nếu ông X có cơ hội …, tức là ông được Nghị viện phê chuẩn làm …": a condition anywhere before it
    return person


@lru_cache(maxsize=1)
def _relative_gap() -> regex.Pattern[str]:
    """", người (vừa) được|bị (<agent>) (chính thức)" or "– người …" between a person and the verb: a relative clause
    about the person, its agent no more than a few words of a body or title."""
    adverbs = _any("adverb_before_verb")
    return regex.compile(rf"(?i)\s*(?:,|\s[–-])\s*{_any('relative_pronoun')}\s+(?:{adverbs}\s+)*{_any('passive')}\s+"
                         rf"(?:[^\s,;:()\"“”–-]+\s+){{0,8}}?(?:{adverbs}\s+)*")


def _relative(text: str, s: Sentence, n: NameMention, v: regex.Match[str]) -> bool:
    """"Bà X – người mới được HĐND tỉnh bầu …", "…, Andrew McCabe, người vừa được bổ nhiệm …": the person the relative
    clause is about undergoes its verb, when no other person, personnel verb or speech stands in the clause."""
    start = _gap_start(n, v)
    if _relative_gap().fullmatch(text, start, v.start()) is None:
        return False
    inside = any(start <= m.start < v.start() for m in s.names) or any(start <= w.start() < v.start() for w in s.verbs)
    return not inside and _speech().search(text, start, v.start()) is None


def _described(text: str, s: Sentence, n: NameMention, v: regex.Match[str]) -> Rule | None:
    """A person described at length (opening the sentence) or in a relative clause before the passive verb undergoes it."""
    if _apposed(text, s, n, v):
        return PASSIVE_APPOSED
    return RELATIVE_SUBJECT if _relative(text, s, n, v) else None


def _gap_start(n: NameMention, v: regex.Match[str]) -> int:
    """Where the words between a person (with the titles written after the name) and a verb begin."""
    return max([n.end] + [t.end for t in n.titles if n.end <= t.end <= v.start() and not t.via_cue])


@lru_cache(maxsize=1)
def _explicit_passive_re() -> regex.Pattern[str]:
    """"được"/"bị" marking the passive; not the first word of a noun (grammar class passive_noun: "bị can", "bị cáo"),
    so "Cơ quan CSĐT … đã khởi tố bị can, bắt tạm giam …" still decides: no "bị" stands between the body and its act."""
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?!{_any('passive_noun')}(?![\p{{L}}])){_any('passive')}(?![\p{{L}}])")


def _explicit_passive(text: str, start: int, verb: int) -> bool:
    """"được"/"bị" between the person and the verb: the person undergoes it, whatever follows."""
    return _explicit_passive_re().search(text, start, verb) is not None


def _with_group(s: Sentence, n: NameMention) -> list[NameMention]:
    """A person, or every member of the list they belong to ("các bà A, B và C")."""
    return [m for m in s.names if m.group == n.group] if n.group is not None else [n]


@lru_cache(maxsize=1)
def _other_act() -> regex.Pattern[str]:
    """A word between a verb and a person after it that gives the person another part (event_cues.tsv kind "other_act"):
    "… gửi đến X", "… nghi vấn rằng ông X …", "bị bắt giữ … nhằm yêu cầu Tổng thống X"."""
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(cue_words('other_act'))})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _speech() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(cue_words('speech'))})(?![\p{{L}}])")


def _passive(text: str, start: int, verb: int, titles: list[Title]) -> bool:
    """The words between a person and a verb make the person its subject: nothing, an adverb, "được",
    an apposition's tail ("…, Phó Giám đốc sở, được"), or "được <body>" ("được HĐND tỉnh bầu") or
    "được <title>" ("đã được Thủ tướng phê chuẩn")."""
    if _speech().search(text, start, verb) is not None:
        return False  # "ông X, người phát ngôn Sở Y tế, cho biết … kỷ luật …": X speaks of it
    after_title = any(t.end == start for t in titles)
    gap = _passive_gap(after_title).match(text, start, verb)
    if gap:
        return True
    by = _passive_by(after_title).match(text, start, verb)
    if by is None:
        return False
    org = read_org(text, by.end(), verb)
    ends = ([org.end] if org is not None and org.end > org.start else []) + [t.end for t in titles if t.start == by.end()]
    if any(not text[end:verb].strip(" ,") or _body_tail(text, end, verb) for end in ends):
        return True
    phrase = _agent_phrase_re().search(text, start, verb)  # "vừa bị cơ quan chức năng tỉnh X bắt giữ"
    return phrase is not None and phrase.start("a") == by.end() and _anaphoric_body().match(text, by.end()) is None  # "cơ quan này": its body is read elsewhere


_BODY_TAIL = regex.compile(r"(?:\s+[\p{L}\p{M}.]+|\s*\([\p{L}\p{M}\d.&-]{1,20}\)){1,6}\s*")


def _body_tail(text: str, end: int, verb: int) -> bool:
    """"bị cơ quan CSĐT | công an tỉnh Hòa Bình | bắt giam", "được Sở Nội vụ tỉnh X | (SNV) chính thức | bổ nhiệm": a few
    more words of the agent body, or its abbreviation in brackets, with no other punctuation, before the verb."""
    return _BODY_TAIL.fullmatch(text, end, verb) is not None and not _explicit_passive(text, end, verb)  # not "… (PVN) đã bị"


@lru_cache(maxsize=1)
def _trailing_adverbs() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?:\s+(?:{_any('adverb_before_verb')}))+\s*$")


def _agent_end(text: str, start: int, verb: int) -> int:
    """Where an agent body running up to the verb ends: before the adverbs of the verb ("được UBND tỉnh | chính thức bổ nhiệm")."""
    end = start + len(text[start:verb].rstrip())
    adverbs = _trailing_adverbs().search(text, start, end)
    return adverbs.start() if adverbs is not None and adverbs.end() == end and adverbs.start() > start else end


@lru_cache(maxsize=4)
def _before_person(cls: str) -> regex.Pattern[str]:
    """A word of a grammar class ending right before a person (past an honorific and the titles written before the name)."""
    return regex.compile(rf"(?i)(?<![\p{{L}}]){_any(cls)}\s+$")


def _possessed(text: str, v: regex.Match[str], n: NameMention) -> bool:
    """"(quyết định) bổ nhiệm của ông X", "dưới sự quản lý của Chủ tịch X": X is whose the decision is, not who
    undergoes it; not for an act of one's own ("đơn xin từ chức của ông X": X resigns), nor past a comma or five words."""
    at = mention_start(n)
    own = lexicons().personnel_verbs[" ".join(v.group("v").lower().split())] in _SELF
    gap = text[v.end() : at]
    return not own and "," not in gap and len(gap.split()) <= 6 and _before_person("possessive").search(gap) is not None


def _past_owner(text: str, s: Sentence, v: regex.Match[str], before: list[NameMention]) -> tuple[list[NameMention], NameMention | None]:
    """The persons before the verb past one who only owns its subject, and the person that subject is apposed to: "vợ ông X
    bị bắt" (the wife, not X: none), "bà A - chị gái của ông X được bổ nhiệm" (A), "chị gái của ông X được …" (none)."""
    if before and _kin_of(text, s, before[-1]):
        return [], None
    if before and _possessor(text, s, before[-1], v):
        return [], _possessor_head(text, s, before)
    return before, None


@lru_cache(maxsize=1)
def _possessor_gap() -> regex.Pattern[str]:
    """Between a possessor and the passive verb: the close of its apposition and adverbs only (", vừa được", ") được")."""
    return regex.compile(rf"(?i)[\s,)]*(?:{_any('adverb_before_verb')}\s+)*(?:{_any('passive')}\s+)?(?:{_any('adverb_before_verb', 'light_verb')}\s+)*")


def _possessor(text: str, s: Sentence, n: NameMention, v: regex.Match[str]) -> bool:
    """"…, một đồng minh của Chủ tịch X, vừa được chỉ định", "chị gái của ông X được bổ nhiệm": X, right after "của" and
    followed by nothing but "được"/"bị" and adverbs up to the verb, owns the noun that undergoes it; not X described
    further ("người tiền nhiệm của X – cựu Giám đốc FBI bị sa thải", "của X, người đã bị sa thải": X undergoes it)."""
    at = mention_start(n)
    if _before_person("possessive").search(text, max(s.span.start, at - 8), at) is None:
        return False
    end = closed_apposition_end(text, n, v.start())
    gap = _possessor_gap().fullmatch(text, end, v.start())
    return gap is not None and (_explicit_passive_re().search(gap.group()) is not None or _explicit_passive_re().match(text, v.start()) is not None)


def _possessor_head(text: str, s: Sentence, before: list[NameMention]) -> NameMention | None:
    """The person the possessor's phrase is apposed to: the one named right before it, past a comma, dash or bracket."""
    if len(before) < 2:
        return None
    return before[-2] if apposed_head(text, before[-2], before[-1]) else None


def _source_of(text: str, s: Sentence, n: NameMention) -> bool:
    """"Theo ông X, …": X is the source of what is said, neither who undergoes nor who decides the act."""
    at = mention_start(n)
    return _before_person("source_preposition").search(text, max(s.span.start, at - 8), at) is not None


def _kin_of(text: str, s: Sentence, n: NameMention) -> bool:
    """"con trai ông X", "vợ ông X": a relative of X is meant, not X."""
    at = mention_start(n)
    return _before_person("kin_noun").search(text, max(s.span.start, at - 12), at) is not None


def _replaced(text: str, s: Sentence, n: NameMention) -> bool:
    """"… thay ông X": the person replaced, not the one the verb is about."""
    return cue_regex("replaced", True).search(text, max(s.span.start, n.start - 30), n.start) is not None


def _actor(text: str, s: Sentence, v: regex.Match[str], person: NameMention | None) -> tuple[str, Fired] | None:
    """Who decided: a person handing over, else a body named as decider or opening the clause,
    else a title acting with no name; with the span read and the rule."""
    subject = _active_subject(text, s, v, person)
    if subject is not None:
        return subject.name, Fired(ACTOR_SUBJECT, subject.start, subject.end)
    fronted = _fronted_subject(text, s, v, person)
    if fronted is not None:
        return fronted.name, Fired(ACTOR_FRONTED, fronted.start, fronted.end)
    agent = next((n for n in s.names if n is not person and (person is None or n.name != person.name) and n.end <= v.start()
                  and not text[n.end : v.start()].strip() and _agent(text, s, n)), None)
    if agent is not None:  # "Bà A được Chủ tịch UBND tỉnh B bổ nhiệm …"
        return agent.name, Fired(ACTOR_AGENT, agent.start, agent.end)
    agent = next((n for n in s.names if n is not person and (person is None or n.name != person.name) and n.end < v.start()
                  and _adjacent_adverbs().fullmatch(text, n.end, v.start()) and _agent(text, s, n)), None)
    if agent is not None:  # "B bị Tổng thống C bất ngờ sa thải"
        return agent.name, Fired(ACTOR_AGENT_ADVERB, agent.start, agent.end)
    for n in reversed([n for n in s.names if n.end <= v.start() and not _same_person(n, person) and not _source_of(text, s, n)]):
        gap_start = max([n.end] + [t.end for t in n.titles if t.end <= v.start()])
        gap = text[gap_start : v.start()]
        if cue_regex("handover", False).search(gap + " ") and len(gap.split()) <= 14 and not _reports_body(text, gap_start, v.start()):
            return n.name, Fired(ACTOR_HANDOVER, n.start, n.end)
        if _announces(text, gap_start, v.start()):
            return n.name, Fired(ACTOR_ANNOUNCER, n.start, n.end)
    return (_agent_after(text, s, v, person) or _body_actor(text, s, v) or _capitalised_agent(text, s, v) or _subject_body(text, s, v) or _acting_title(text, s, v)
            or _list_decider(text, s, v) or _clause_subject(text, s, v) or _investigating_body(text, s, v) or _session_body(text, s, v)
            or _meeting_body(text, s, v))


_MEETING_REACH = 320  # how far into its sentence a verb may be for personnel.actor.meeting_body


@lru_cache(maxsize=1)
def _decision_before_re() -> regex.Pattern[str]:
    """The decision or deciding step right before an act it carries out: "quyết định ", "quyết định thi hành ", "thống nhất "."""
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{_any('decision_noun', 'deciding_step')})(?:\s+{_any('light_verb', 'adverb_before_verb')})*\s+$")


@lru_cache(maxsize=1)
def _meeting_subject_re() -> regex.Pattern[str]:
    """A sentence's opening subject (after a date or a detail opener and a comma) and its adverbs up to a deciding step."""
    lead = rf"(?:(?i:{_date_words()}|{alternation(cue_words('detail_opener'))})\s*,\s*)?"
    return regex.compile(rf"\W*{lead}(?P<s>\p{{Lu}}[^,;:()\"“”]{{0,60}}?)\s+(?:(?i:{_any('adverb_before_verb')})\s+)*"
                         rf"(?i:{_any('deciding_step', 'decision_noun', 'issuing_verb')})(?![\p{{L}}])")


def _meeting_body(text: str, s: Sentence, v: regex.Match[str]) -> tuple[str, Fired] | None:
    """"Ban Bí thư đã họp, thống nhất …, quyết định thi hành kỷ luật ông X": the body opening the sentence that takes a
    deciding step decides the act its decision carries out (bounded windows: no scan of a long sentence)."""
    if v.start() > s.span.start + _MEETING_REACH or _decision_before_re().search(text, max(s.span.start, v.start() - 40), v.start()) is None:
        return None  # only a verb in the sentence's opening: a long sentence's later verbs are not read here
    found = _meeting_subject_re().match(text, s.span.start, min(v.start(), s.span.start + 160))
    if found is None or not _active_verb(text, s, v):
        return None
    a, b = found.span("s")
    if any(a < n.end for n in takewhile(lambda n: n.start < v.start(), s.names)) or any(found.end() <= w.start() < v.start() for w in s.verbs):
        return None  # a person named between (the subject or the event's own), or another act decided first
    if _explicit_passive(text, b, v.start()) or _source_of(text, s, NameMention(a, b, "", None)):
        return None
    owned = _owned(s)
    title = next((t for t in s.titles if t.start == a and t.end <= b and (t.start, t.end) not in owned), None)
    words = text[title.end if title is not None else a : b].split()
    org = read_org(text, a, b) if title is None else None
    body = org is not None and org.start == a and org.end == b and org.name_start is None  # "Ban Bí thư", "Ban Thường vụ Tỉnh ủy X"
    if not body and not all(w[:1].isupper() for w in words):
        return None
    if not body and title is None and _LEADING_SPACE.fullmatch(text, s.span.start, a) is not None and not _named_inside(text, words[0]):
        return None
    return text[a:b], Fired(ACTOR_MEETING_BODY, a, b)


@lru_cache(maxsize=1)
def _investigator_re() -> regex.Pattern[str]:
    """The head of an investigating police body, in either case (grammar class investigating_body)."""
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(lexicons().grammar('investigating_body'))})(?![\p{{L}}])")


_UNIT_TAIL = regex.compile(r"(?:[ ]+\p{Ll}[^,;:()]{0,60}?)?[ ]*\([^()]{1,30}\)")  # a unit's lower-case field and its bracketed code
_PARENT_GAP = regex.compile(r"[ ]*[,–-]?[ ]+(?=\p{Lu}|\p{Ll}+ \p{Lu})")  # "…, Bộ Công an", "… bộ Công an", "… – Công an tỉnh X"


def _investigating_body(text: str, s: Sentence, v: regex.Match[str]) -> tuple[str, Fired] | None:
    """The investigating body named last before an arrest verb, read with the body it belongs to ("cơ quan Cảnh sát điều
    tra, Bộ Công an"), not a person's body (inside a title), none undergoing the act or with a person before the verb."""
    if _verb_type(v) != "arrest":
        return None
    found: tuple[int, int] | None = None
    for m in _investigator_re().finditer(text, s.span.start, v.start()):
        if found is not None and m.start() < found[1] or any(t.start <= m.start() < t.end for t in s.titles):
            continue  # a head inside the body read before ("Công an" of "Cơ quan CSĐT Công an tỉnh X"), or a title's body
        org = read_org(text, m.start(), v.start())
        end = org.end if org is not None and org.end > m.end() and org.name_start is None else m.end()
        tail = _UNIT_TAIL.match(text, m.end(), v.start())
        tail = tail if tail is not None and tail.end() > end else None
        end = tail.end() if tail is not None else end  # "Phòng CSĐT tội phạm về kinh tế và tham nhũng (PC46)"
        gap = _PARENT_GAP.match(text, end, v.start())
        parent = read_org(text, gap.end(), v.start(), lower=True) if gap is not None and (end == m.end() or tail is not None) else None
        found = (m.start(), parent.end if parent is not None and parent.end > gap.end() and parent.name_start is None else end)  # type: ignore[union-attr]
    if found is None or _explicit_passive(text, found[1], v.start()) or any(found[1] <= n.start < v.start() for n in s.names):
        return None
    return org_text(text, *found), Fired(ACTOR_INVESTIGATOR, *found)


@lru_cache(maxsize=1)
def _clause_subject_re() -> regex.Pattern[str]:
    """A clause's subject (up to 60 characters, an aside in brackets after it) and the words from it to an act it decides:
    adverbs, deciding steps, light and issuing verbs, decisions, a date ("Barca đã ", "HĐQT đã nhất trí ", "C46 cũng đã ra quyết định ",
    "Tổng thống Hàn Quốc hôm nay (18/6) đã ")."""
    words = _any("adverb_before_verb", "deciding_step", "light_verb", "issuing_verb", "plural", "decision_noun")
    return regex.compile(rf"\s*(?P<s>\p{{Lu}}[^,;:()\"“”]{{0,60}}?)(?:\s*\([^()]{{1,40}}\))?\s+(?:(?i:{words}|{alternation(cue_words('handover'))}|{_date_words()})\s+)*")


def _clause_subject(text: str, s: Sentence, v: regex.Match[str]) -> tuple[str, Fired] | None:
    """The subject opening the verb's clause (after its last comma, ";" or ":") right before an active verb decides it: a
    title of no person written there ("Tổng thống Hàn Quốc"), or words all capitalised naming no person ("Barca", "HĐQT"),
    whose first word, when it opens the sentence, the article also writes capitalised inside a sentence (a name, not "Khi")."""
    if not _active_verb(text, s, v) or _continues(text, s, v):
        return None
    start = max(s.span.start, *(text.rfind(c, s.span.start, v.start()) + 1 for c in ",;:"))
    found = _clause_subject_re().fullmatch(text, start, v.start())
    if found is None:
        return None
    a, b = found.span("s")
    if any(a < n.end and n.start < b for n in s.names) or any(a <= w.start() < b for w in s.verbs) or _source_of(text, s, NameMention(a, b, "", None)):
        return None
    owned = _owned(s)
    title = next((t for t in s.titles if t.start == a and t.end <= b and (t.start, t.end) not in owned), None)
    words = text[title.end if title is not None else a : b].split()  # past a title, only its country or place: "Tổng thống Hàn Quốc"
    if not all(w[:1].isupper() for w in words):
        return None
    if title is None and _LEADING_SPACE.fullmatch(text, s.span.start, a) is not None and not _named_inside(text, words[0]):
        return None
    return text[a:b], Fired(ACTOR_CLAUSE_SUBJECT, a, b)


def _named_inside(text: str, word: str) -> bool:
    """``word`` written capitalised after a lower-case word somewhere in the text: a name, not a word capitalised for opening a sentence."""
    return word in _inside_names(text)


_INSIDE_NAME = regex.compile(r"(?<=\p{Ll},?[ \t\u00a0]+)\p{Lu}[\p{L}\p{M}\p{N}]*")


@lru_cache(maxsize=2)
def _inside_names(text: str) -> frozenset[str]:
    """The capitalised words the text writes after a lower-case word (read once per article)."""
    return frozenset(m.group() for m in _INSIDE_NAME.finditer(text))


def _reports_body(text: str, start: int, verb: int) -> bool:
    """Between a person and the act, a verb of saying and a body named after the person's titles: the person tells of the
    body's decision, they do not hand it over (personnel.actor.handover does not fire; the body's rule may): "Đại tá X, Phó Giám đốc Công an tỉnh Y
    cho biết, cơ quan điều tra vừa tống đạt quyết định khởi tố …", "…, Ủy ban Kiểm tra Trung ương cho biết đã quyết định …"."""
    if _speech().search(text, start, verb) is None:
        return False
    g = grammar()
    if any(m.group()[:1].isupper() for m in g.org_fixed.finditer(text, start, verb)) or g.org_open.search(text, start, verb) is not None:
        return True
    return _investigator_re().search(text, start, verb) is not None  # not "cơ quan này": the speaker's own body, told by its head


def _same_person(n: NameMention, person: NameMention | None) -> bool:
    """``n`` names the event's own person ("… vi phạm của bà Phan Thị Mỹ Thanh … nên quyết định thi hành kỷ luật bà Thanh"):
    the same mention, or one full name ending with the other; no one decides their own event."""
    if person is None:
        return False
    if n is person:
        return True
    a, b = n.name.split(), person.name.split()
    return bool(a) and bool(b) and (a[-len(b):] == b or b[-len(a):] == a)


def _list_decider(text: str, s: Sentence, v: regex.Match[str]) -> tuple[str, Fired] | None:
    """"Giám đốc BV X đã ra quyết định kỷ luật các cá nhân gồm: bác sĩ A nhận hình thức khiển trách": the verb is an item
    of a list after a colon; the body or title that decides a verb of its type before the colon decided it."""
    colon = text.rfind(":", s.span.start, v.start())
    first = next((w for w in s.verbs if w.end() <= colon), None) if colon >= 0 else None
    if first is None or _verb_type(first) != _verb_type(v) or _not_an_event(text, s, first):
        return None
    found = _subject_body(text, s, first)
    return (found[0], Fired(ACTOR_LIST_DECIDER, found[1].start, found[1].end)) if found is not None else None


@lru_cache(maxsize=1)
def _announced() -> regex.Pattern[str]:
    """Between a speaker and a verb they report as their own done act: "cho biết(,) đã ra quyết định …"."""
    speech, realis = alternation(cue_words("speech")), alternation(cue_words("realis"))
    return regex.compile(rf"(?i)[\s,–-]*(?:{speech})[\s,:]+(?:{realis})\s+(?![^\s]*,)(?:[^\s;.:]+\s+){{0,10}}")  # not "vừa qua, cơ quan công an …"


def _announces(text: str, start: int, verb: int) -> bool:
    """The words from a speaker to a verb say the speaker did it: "cho biết đã ra quyết định …", with no
    "được"/"bị" and no other body named as subject ("cho hay, Công an tỉnh đã khởi tố …")."""
    if _announced().fullmatch(text, start, verb) is None or _explicit_passive(text, start, verb):
        return False
    g = grammar()
    fixed = (m for m in g.org_fixed.finditer(text, start, verb) if m.group()[:1].isupper())  # a body, not "vụ án"
    return next(fixed, None) is None and g.org_open.search(text, start, verb) is None


@lru_cache(maxsize=1)
def _agent_marker() -> regex.Pattern[str]:
    """"bởi" right after the verb, opening its agent."""
    return regex.compile(rf"(?i)\s+{_any('agent_marker')}\s+")


def _agent_after(text: str, s: Sentence, v: regex.Match[str], person: NameMention | None) -> tuple[str, Fired] | None:
    """"được bổ nhiệm bởi Tổng thống Barack Obama", "bầu bởi Đại hội đồng Interpol": who is named after
    "bởi" (a person through their titles, else a body) decided."""
    by = _agent_marker().match(text, v.end(), s.span.end)
    if by is None:
        return None
    for n in s.names:
        start = min([n.start] + [t.start for t in n.titles if t.end <= n.start])
        start = n.honorific_start if n.honorific_start is not None and n.honorific_start < start else start
        if start == by.end() and n is not person:
            return n.name, Fired(ACTOR_AGENT_AFTER, n.start, n.end)
    org = read_org(text, by.end(), s.span.end)
    if org is not None and org.end > org.start and org.name_start is None:
        return org_text(text, org.start, org.end), Fired(ACTOR_AGENT_AFTER, org.start, org.end)
    return None


def _active_subject(text: str, s: Sentence, v: regex.Match[str], person: NameMention | None) -> NameMention | None:
    """"ông Trump sa thải giám đốc FBI James Comey": the person right before the verb, with no
    "được"/"bị" between, acts on the person named after it."""
    if (person is None and not _active_verb(text, s, v)) or (person is not None and person.start < v.end()):
        return None  # with no person named, an active verb whose post follows it: "Tổng thống Moon hôm qua bổ nhiệm Ngoại trưởng"
    clause_start = max(s.span.start, text.rfind(";", s.span.start, v.start()) + 1)
    before = [n for n in s.names if clause_start <= n.start and n.end <= v.start() and n is not person and not _source_of(text, s, n)]
    if not before:
        return None
    gap = _gap_start(before[-1], v)
    if _other_verb_subject(text, s, before[-1], (clause_start, v)):
        return None
    if person is None and _adjacent_adverbs().fullmatch(text, gap, v.start()) is None:
        return None  # with no person named, only the verb's adverbs between: "ông A giữ chức X, bổ nhiệm Y" is no act of A's
    return before[-1] if _passive(text, gap, v.start(), s.titles) and not _explicit_passive(text, gap, v.start()) else None


def _other_verb_subject(text: str, s: Sentence, n: NameMention, clause: tuple[int, regex.Match[str]]) -> bool:
    """The person before an active verb is no subject of it when another personnel verb of the clause stands before the
    person (they are its object: "sa thải A, sa thải B", "kỷ luật … đối với ông A, khiển trách …") or between the person and
    the verb, not joined to it ("khi ông A từ nhiệm, Công ty B đã bổ nhiệm …"): personnel.actor.subject does not fire."""
    clause_start, v = clause
    at = v
    for w in reversed([w for w in s.verbs if clause_start <= w.start() and w.end() <= v.start()]):
        if w.start() < mention_start(n):  # its object, unless another clause opens between ("… sau khi ông A sa thải …")
            pos = mention_start(n)  # or the earlier verb is in a fronted clause closed by a comma ("Sau khi cách chức X, ông A đã …")
            fronted = "," in text[w.end() : pos] and (_clause_opener().search(text, clause_start, w.start()) is not None
                                                      or _other_clause().search(text, clause_start, w.start()) is not None)
            return not fronted and _clause_opener().search(text, w.end(), pos) is None and _other_clause().search(text, w.end(), pos) is None
        if not joined_verbs(text, (w.start(), w.end()), (at.start(), at.end())):
            return True
        at = w
    return False


def _fronted_subject(text: str, s: Sentence, v: regex.Match[str], person: NameMention | None) -> NameMention | None:
    """"Sa thải Giám đốc FBI …, Tổng thống Mỹ Donald Trump đã …": a verb opening its sentence, fronted before
    the main clause, is done by the person who opens the main clause (:func:`_opens_clause`)."""
    if _LEADING_SPACE.fullmatch(text, s.span.start, v.start()) is None:
        return None
    after = next((n for n in s.names if n.start >= v.end() and n is not person), None)
    return after if after is not None and _opens_clause(text, s, v, after) else None


def _acting_title(text: str, s: Sentence, v: regex.Match[str]) -> tuple[str, Fired] | None:
    """"đã được Thủ tướng phê chuẩn": a title with no name right before the verb decides."""
    owned = _owned(s)
    for t in s.titles:
        role = text[t.start : t.role_end if t.role_end >= 0 else t.end]
        if _adjacent_adverbs().fullmatch(text, t.end, v.start()) and _acts(text, t) and (t.start, t.end) not in owned and not needs_org(role):
            return text[t.start : t.end], Fired(ACTOR_TITLE, t.start, t.end)
    return None


def _body_actor(text: str, s: Sentence, v: regex.Match[str]) -> tuple[str, Fired] | None:
    """"được Ban Thường vụ Tỉnh ủy điều động", "Quyết định của Ban Bí thư chỉ định": the body, up to its adverbs and the steps
    of its decision ("bị UBKT Tỉnh ủy ra quyết định kỷ luật"); none when "được"/"bị" follows it ("của Trường cũng bị kỷ luật")."""
    for cue in cue_regex("body_actor", False).finditer(text, max(s.span.start, v.start() - 60), v.start()):
        org = read_org(text, cue.end(), v.start())
        if org is not None and org.end > org.start and org.name_start is None:
            if _explicit_passive(text, org.end, v.start()):
                continue  # "… của Trường cũng bị kỷ luật": the body undergoes the act
            stop = _tail_stop().search(text, org.end, v.start())
            at = stop.start() if stop is not None else v.start()  # "bị UBKT Tỉnh ủy | ra quyết định kỷ luật": the body ends before its steps
            end = _agent_end(text, org.start, at) if _body_tail(text, org.end, at) else org.end  # "bị cơ quan CSĐT công an tỉnh X bắt"
            return org_text(text, org.start, end), Fired(ACTOR_BODY, org.start, end)
    phrase = _agent_phrase(text, s, v)
    return (text[phrase[0] : phrase[1]], Fired(ACTOR_AGENT_PHRASE, *phrase)) if phrase is not None else None


@lru_cache(maxsize=1)
def _capitalised_agent_re() -> regex.Pattern[str]:
    """"được"/"bị", up to five capitalised words and the verb's adverbs, up to the verb."""
    word = r"\p{Lu}[\p{L}\p{M}\p{N}.&-]*"
    return regex.compile(rf"(?<![\p{{L}}]){_any('passive')}\s+(?P<a>{word}(?:\s+{word}){{0,4}})(?:\s+{_any('adverb_before_verb')})*\s*$")


def _capitalised_agent(text: str, s: Sentence, v: regex.Match[str]) -> tuple[str, Fired] | None:
    """"được HĐQT bổ nhiệm", "bị Sabeco miễn nhiệm": the capitalised words between "được"/"bị" and the verb decide,
    when they hold no name or title (read by :func:`_actor`'s person and title rules)."""
    m = _capitalised_agent_re().search(text, max(s.span.start, v.start() - 80), v.start())
    if m is None:
        return None
    a, b = m.span("a")
    if any(a < n.end and n.start < b for n in s.names) or any(a < t.end and t.start < b for t in s.titles):
        return None
    return text[a:b], Fired(ACTOR_CAPITALISED_AGENT, a, b)


@lru_cache(maxsize=1)
def _agent_phrase_re() -> regex.Pattern[str]:
    """"được"/"bị", a lower-case body noun ("cơ quan", "lực lượng") and the words of the body up to the verb."""
    return regex.compile(rf"(?<![\p{{L}}]){_any('passive')}\s+(?P<a>{_any('agent_body')}(?![\p{{L}}])"
                         rf"(?:\s+[\p{{L}}\p{{M}}.&-]+|\s*\([\p{{L}}\p{{M}}\d.&-]{{1,20}}\)){{0,14}}?)\s*$")


def _agent_phrase(text: str, s: Sentence, v: regex.Match[str]) -> tuple[int, int] | None:
    """The span of a lower-case agent body between "được"/"bị" and the verb, not "cơ quan này" (a body named before)."""
    m = _agent_phrase_re().search(text, max(s.span.start, v.start() - 100), v.start())
    if m is None or _anaphoric_body().match(text, m.start("a")) is not None:
        return None
    return m.start("a"), _agent_end(text, m.start("a"), v.start())


@lru_cache(maxsize=1)
def _tail_stop() -> regex.Pattern[str]:
    """A word after a deciding body that is no word of its name: an adverb, a step of its decision, an issued decision."""
    words = alternation([*_words("adverb_before_verb", "light_verb", "issuing_verb", "decision_noun", "deciding_step"), *cue_words("handover")])
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{words})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _subject_gap() -> regex.Pattern[str]:
    handover = cue_words("handover")
    approval = alternation([p for p, t in lexicons().personnel_verbs.items() if t == "approval"])
    # "VKSND huyện đã phê chuẩn quyết định khởi tố …": the procuracy decides
    approved = rf"(?:{approval})(?:\s+(?:{_any('plural')}\s+)?{_any('decision_noun')})?"
    # "đã ra quyết định khởi tố", "ban hành quyết định kỷ luật", "quyết định cách chức": the body issues the act
    issued = rf"(?:{_any('issuing_verb')}\s+)?(?:{_any('plural')}\s+)?{_any('decision_noun')}|{_any('issuing_verb')}"  # "ra lệnh bắt …"
    words = _any("adverb_before_verb", "light_verb")
    aside = r"(?:\s*\([^()]{1,80}\))?"  # "Ngân hàng TMCP Sài Gòn Thương Tín (Sacombank) vừa ra quyết định …"
    return regex.compile(rf"(?i){aside}\s*(?:(?:{words}|{alternation(handover)}|{approved}|{issued})\s+)*$")


@lru_cache(maxsize=1)
def _post_frame_opener() -> regex.Pattern[str]:
    """A clause opener naming the post ("Với chức danh Phó Chủ tịch UBND xã, "), before the deciding body."""
    return regex.compile(rf"(?i)(?:{alternation(cue_words('post_frame'))})\s[^,;]{{1,80}},\s*")


def _subject_body(text: str, s: Sentence, v: regex.Match[str]) -> tuple[str, Fired] | None:
    """"UBND tỉnh trao quyết định bổ nhiệm …", "Năm 2019, Ban Thường vụ Tỉnh ủy điều động …": the body
    that opens the clause and decides; for a clause with no subject of its own ("…; cách chức ông B"),
    the decider of the sentence's first clause."""
    if _continues(text, s, v):
        first = next((w for w in s.verbs if w.start() < v.start()), None)
        return _subject_body(text, s, first) if first is not None else None
    if _explicit_passive_re().match(text, v.start()) is not None:
        return None  # "Chánh văn phòng Tỉnh ủy được bầu làm …", "Công ty X bị khởi tố": the subject undergoes it
    start = max(s.span.start, text.rfind(";", s.span.start, v.start()) + 1)
    start = _LEADING_SPACE.match(text, start, v.start()).end()  # type: ignore[union-attr]  # always matches
    frame = cue_regex("frame", False).search(text, start, v.start()) if _is_framed(v) else None
    stop = frame.start() if frame else v.start()  # "Sở Y tế đã có quyết định giao ông X … phụ trách …"
    dated = _DATED_OPENER.match(text, start, stop) or _post_frame_opener().match(text, start, stop)
    opening = dated.end() if dated else start
    anaphor = next((m for m in _anaphoric_body().finditer(text, opening, stop) if _subject_gap().match(text, m.end(), stop)), None)
    if anaphor is not None and (found := _body_before(text, s.span.start, anaphor.start())) is not None:
        return found  # "Công an tỉnh X cho biết, cơ quan này vừa bắt …"
    # the body opens the clause, or the part of it after an opening phrase ("Liên quan đến vụ việc, Sở Y tế đã …",
    # "Qua kiểm tra, Ban Thường vụ Tỉnh ủy quyết định …"): the part nearest the verb whose body decides
    for at in reversed([opening] + [m.end() for m in _part_break().finditer(text, opening, stop)]):
        org = read_org(text, at, stop)
        if org is not None and org.end > org.start and org.name_start is None and _subject_gap().match(text, org.end, stop):
            return org_text(text, org.start, org.end), Fired(ACTOR_SUBJECT_BODY, org.start, org.end)
        if org is not None and org.end > org.start and org.name_start is None and _announces(text, org.end, stop) \
                and not any(org.end <= n.start < stop for n in s.names):
            return org_text(text, org.start, org.end), Fired(ACTOR_ANNOUNCER, org.start, org.end)
        title = _subject_title(s, at, stop)
        if title is not None and _subject_gap().match(text, title.end, stop):
            return text[title.start : title.end], Fired(ACTOR_SUBJECT_TITLE, title.start, title.end)
    parts = [opening] + [m.end() for p in (_part_break(), _COLON, _reported()) for m in p.finditer(text, opening, stop)]
    return _chain_subject(text, s, sorted(set(parts)), stop)


@lru_cache(maxsize=1)
def _reported() -> regex.Pattern[str]:
    """A verb of saying opening a reported clause, whose own body may decide: "Công an tỉnh X cho biết Cơ quan CSĐT … đã
    bắt tạm giam …", "ông X cho biết Cục Đăng kiểm vừa kỷ luật …"."""
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(cue_words('speech'))})[\s,:]+")


def _chain_subject(text: str, s: Sentence, parts: list[int], stop: int) -> tuple[str, Fired] | None:
    """"Huyện ủy X đã họp và quyết định kỷ luật …", "Công an huyện X ngày 20/5 đã khởi tố vụ án, khởi tố bị can …":
    the body (or the title with its body) opening a part of the clause decides the act it reaches through the steps
    of its decision, a date, or acts of its own joined before it; none undergone ("được"/"bị")."""
    for at in reversed(parts):
        org = read_org(text, at, stop)
        if org is not None and org.end > org.start and org.name_start is None and _chain_gap(text, org.end, stop):
            return org_text(text, org.start, org.end), Fired(ACTOR_SUBJECT_CHAIN, org.start, org.end)
        title = _subject_title(s, at, stop)
        if title is not None and _chain_gap(text, title.end, stop):
            return text[title.start : title.end], Fired(ACTOR_SUBJECT_CHAIN, title.start, title.end)
    return None


def _chain_gap(text: str, start: int, stop: int) -> bool:
    return _chain_gap_re().match(text, start, stop) is not None and not _explicit_passive(text, start, stop)


@lru_cache(maxsize=1)
def _chain_gap_re() -> regex.Pattern[str]:
    """The words from a deciding subject to the act it decides: adverbs, the steps of its decision ("họp và", "nhất trí",
    "áp dụng hình thức"), a date ("ngày 20/5", "hôm nay (18/6)"), issued decisions, and acts joined before
    ("khởi tố vụ án, ", "kỷ luật khai trừ đảng và ")."""
    handover, approval = cue_words("handover"), [p for p, t in lexicons().personnel_verbs.items() if t == "approval"]
    verbs = alternation(list(lexicons().personnel_verbs))
    words = alternation([*_words("adverb_before_verb", "light_verb", "deciding_step", "received_form", "plural", "decision_noun", "issuing_verb"),
                         *handover, *approval])
    date = _date_words()
    joined = rf"(?:{verbs})(?![\p{{L}}])[^,;:.()\"“”]{{0,80}}?(?:,|\s{_any('and')})"  # "khởi tố vụ án," "kỷ luật khai trừ đảng và"
    step = rf"(?:{date}|{joined}|(?:{words}|{verbs})(?![\p{{L}}]))"
    return regex.compile(rf"(?i)(?:\s*\([^()]{{1,80}}\))?(?!\s*,)(?:[\s,]*{step}(?:\s*,|\s+{_any('and')}(?![\p{{L}}]))?)*\s*$")


@lru_cache(maxsize=1)
def _date_words() -> str:
    """A date between a deciding subject and its act: "ngày 20/5", "hôm nay (18/6)", "hôm nay"."""
    day = _any("day_word", "time_of_day")
    return rf"{day}(?:\s+{_any('present_time', 'now')})?\s*\(?\d{{1,2}}\s*[/.-]\s*\d{{1,2}}(?:\s*[/.-]\s*\d{{2,4}})?\)?|{day}\s+{_any('now')}"


def _subject_title(s: Sentence, at: int, stop: int) -> Title | None:
    """A title with its body opening a clause at ``at``, naming no person ("Giám đốc Sở Y tế quyết định …"): not one
    written with a name."""
    owned = _owned(s)
    title = next((t for t in s.titles if t.start == at and t.end <= stop and (t.start, t.end) not in owned), None)
    return title if title is not None and title.organization else None


@lru_cache(maxsize=1)
def _anaphoric_body() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}]){_any('anaphoric_body')}(?![\p{{L}}])")


def _body_before(text: str, start: int, end: int) -> tuple[str, Fired] | None:
    """The last body named between ``start`` and ``end`` (each body read once, from its first head):
    what "cơ quan này" stands for."""
    g = grammar()
    heads = sorted({m.start() for p in (g.org_fixed, g.org_open) for m in p.finditer(text, start, end)})
    last = None
    for h in heads:
        if (last is not None and h < last.end) or (h > start and text[h - 1].isalnum()):
            continue
        org = read_org(text, h, end)
        if org is not None and org.end > org.start and org.name_start is None:
            last = org
    return (org_text(text, last.start, last.end), Fired(ACTOR_BODY_ANAPHOR, last.start, last.end)) if last is not None else None


@lru_cache(maxsize=1)
def _part_break() -> regex.Pattern[str]:
    """Where a part of a clause may open with its own deciding body: after a comma, "và", or "việc"
    ("việc UBKT T.Ư ra quyết định kỷ luật … và Ban Bí thư vừa ra quyết định cách hết …")."""
    return regex.compile(rf"(?i),\s*|(?<![\p{{L}}])(?:{_any('and')}|{alternation(cue_words('reference'))})\s+")
_LEADING_SPACE = regex.compile(r"\s*")
_COLON = regex.compile(r":\s*")  # "Công an tỉnh X cho biết: Cơ quan CSĐT … đã khởi tố vụ án, khởi tố bị can …"




_DECISION_FAMILY = {"arrest": "arrest", "discipline": "sanction", "dismissal": "sanction", "appointment": "post", "reappointment": "post",
                    "transfer": "post", "rotation": "post", "secondment": "post", "approval": "post", "election": "election"}


@lru_cache(maxsize=1)
def _detail_opener() -> regex.Pattern[str]:
    """A sentence opener that details the decision of the sentence before (event_cues kind detail_opener)."""
    return regex.compile(rf"(?i)\W*(?:{alternation(cue_words('detail_opener'))})(?![\p{{L}}])")


def carries_decision(text: str, s: Sentence, verb: tuple[int, int]) -> bool:
    """The event at ``verb`` may take the decider of the sentence before: its sentence opens on a detail opener, or the
    verb is told in the passive ("bị"/"được" and the verb's adverbs right before it); not when an earlier time is told
    before the verb ("Trước đó", "từng"; event_cues kind earlier)."""
    if cue_regex("earlier", False).search(text, s.span.start, verb[0]) is not None:
        return False  # "Trước đó, ông A đã bị khởi tố …": an earlier decision, not the one told before
    if _detail_opener().match(text, s.span.start, verb[0]) is not None:
        return True
    return _passive_before().search(text, max(s.span.start, verb[0] - 40), verb[0]) is not None


@lru_cache(maxsize=1)
def _passive_before() -> regex.Pattern[str]:
    """"bị"/"được" and only the verb's adverbs up to the verb ("bị can" is a noun: a word other than an adverb follows)."""
    return regex.compile(rf"(?i)(?<![\p{{L}}]){_any('passive')}(?: {_any('adverb_before_verb')})* $")


def previous_decider(text: str, before: tuple[Sentence, list[Candidate]], etype: str, about: str | None,
                     read: dict[tuple[Span, str], list[tuple[str, Fired]]] | None = None) -> tuple[str, Fired] | None:
    """The decider of a decision of ``etype``'s kind in the sentence before (its events' actor, else the actor its verb reads
    as a body or title), unless it is ``about``, the person the event is about. ``read`` keeps what each sentence gave, so a
    long run of sentences is read once per kind of decision (the events of a sentence come before those of the next)."""
    family = _DECISION_FAMILY.get(etype)
    prev, events = before
    if family is None:
        return None
    found = read.get((prev.span, family)) if read is not None else None
    if found is None:
        found = _decision_actors(text, prev, events, family)
        if read is not None:
            read[prev.span, family] = found
    deciders = {a for a, _ in found if about is None or (a != about and about not in a)}
    if len(deciders) != 1:
        return None
    part = next(f for a, f in found if a in deciders)
    return next(iter(deciders)), Fired(ACTOR_PREVIOUS_DECISION, part.start, part.end)


def _decision_actors(text: str, prev: Sentence, events: list[Candidate], family: str) -> list[tuple[str, Fired]]:
    """The deciders of ``prev``'s decisions of a kind: its events' actors, else the actor its last such verb reads."""
    found = [(e.actor, e.parts["actor"]) for e in events if e.actor is not None and _DECISION_FAMILY.get(e.type) == family]
    for v in reversed(prev.verbs):
        if not found and _DECISION_FAMILY.get(_verb_type(v)) == family and not _not_an_event(text, prev, v):
            actor = _actor(text, prev, v, None)
            if actor is not None and actor[1].rule not in PERSON_ACTORS:
                found.append(actor)
    return found


_VOTES = ("election", "dismissal", "approval")
_SESSION_NUMBER = regex.compile(r"\s*(?:\p{Ll}+\s+)?(?:\p{N}+|[IVXLC]+|\p{Ll}+)(?=\s+\p{Lu})")  # "thứ 4", "thứ nhất", "bất thường"


@lru_cache(maxsize=1)
def _assembly() -> regex.Pattern[str]:
    """The head of an assembly that votes on posts (grammar class assembly), in either case."""
    return regex.compile(rf"(?i){_any('assembly')}(?![\p{{L}}])")


def _session_body(text: str, s: Sentence, v: regex.Match[str]) -> tuple[str, Fired] | None:
    """"tại kỳ họp HĐND tỉnh X, các đại biểu đã bầu …", "Tại kỳ họp này, HĐND thành phố đã …, bầu …": the assembly whose
    session is named before a vote, right after the session words or opening the clause after them."""
    if _verb_type(v) not in _VOTES:
        return None
    for cue in cue_regex("session", False).finditer(text, s.span.start, v.start()):
        if any(cue.end() <= w.start() < v.start() for w in s.verbs):
            continue  # other acts told between the session and the verb: a list the vote may not head
        comma = text.find(",", cue.end(), v.start())
        numbered = _SESSION_NUMBER.match(text, cue.end(), v.start())  # "kỳ họp thứ 4 Quốc hội …"
        for at in (cue.end(), numbered.end() if numbered else cue.end(), comma + 1 if comma >= 0 else cue.end()):
            at = _LEADING_SPACE.match(text, at, v.start()).end()  # type: ignore[union-attr]  # always matches
            org = read_org(text, at, v.start())
            if org is not None and org.end > org.start and org.name_start is None and _assembly().match(text, org.start, org.end):
                return org_text(text, org.start, org.end), Fired(ACTOR_SESSION_BODY, org.start, org.end)
    return None
