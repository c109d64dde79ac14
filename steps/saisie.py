"""What the person types of themselves: their NIR, birth date and address on the request form,
their NIR on the login page."""
from . import texts


def identity(persona) -> dict[str, str]:
    """What the person types in each field of the request form, when they type it right."""
    return {texts.FORM_NIR: persona.nir_typed, texts.FORM_BIRTH_DATE: persona.birth_date_fr,
            texts.FORM_EMAIL: persona.email_typed}


def fill_identity(ui, persona, state, except_field=None, typed=None):
    values = identity(persona)
    if except_field is not None:
        values[except_field] = typed
    for label, value in values.items():
        if label == texts.FORM_NIR and except_field != label:
            values[label] = type_nir(ui, label, persona)
        else:
            ui.fill(label, value)
    state.typed = values


def type_nir(ui, label: str, persona) -> str:
    """The NIR typed in the field `label`, as the person types it; returns what was typed. A
    field that stops before the card's spaces: the person sees it and types the digits alone."""
    typed = persona.nir_typed
    ui.fill(label, typed)
    if label in ui.cuts and persona.nir_card_spaces:
        typed = typed.replace(" ", "")
        ui.fill(label, typed)
    return typed
