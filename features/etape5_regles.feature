# language: fr
Fonctionnalité: Étape 5 – Les règles du nouveau mot de passe
  Le mot de passe doit comporter entre 8 et 50 caractères ; contenir des lettres latines
  (de a à z, sans accent) minuscules et majuscules ; contenir un chiffre ou un caractère
  spécial parmi ? ! $ € @ & + _ = * % / < > , . : ; ; ne contenir que des caractères
  autorisés ; ne pas contenir le numéro de sécurité sociale ou la date de naissance de
  l'assuré, ni une partie de ceux-ci. Chaque refus donne sa raison. Un caractère compte
  pour un, « € » compris.

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée
    Et que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »

  @E5-LONGUEUR
  Scénario: Trop court ou trop long, le mot de passe est refusé
    Alors ces mots de passe sont refusés, chacun avec sa raison :
      | mot de passe                          | règle    |
      | conforme de 7 caractères              | longueur |
      | conforme de 7 caractères dont « € »   | longueur |
      | conforme de 51 caractères             | longueur |
      | conforme de 51 caractères dont « € »  | longueur |

  @E5-LONGUEUR
  Plan du scénario: Entre 8 et 50 caractères, le mot de passe est accepté
    Quand je choisis un mot de passe <mot de passe>
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré

    Exemples:
      | mot de passe                         |
      | conforme de 8 caractères             |
      | conforme de 50 caractères            |
      | conforme de 50 caractères dont « € » |

  @E5-CASSE
  Scénario: Sans majuscule ou sans minuscule, le mot de passe est refusé
    Alors ces mots de passe sont refusés, chacun avec sa raison :
      | mot de passe   | règle |
      | sans majuscule | casse |
      | sans minuscule | casse |

  @E5-CHIFFRE-OU-SPECIAL
  Scénario: Sans chiffre ni caractère spécial, le mot de passe est refusé
    Alors ces mots de passe sont refusés, chacun avec sa raison :
      | mot de passe                      | règle                         |
      | sans chiffre ni caractère spécial | chiffre ou caractère spécial  |

  @E5-CHIFFRE-OU-SPECIAL
  Plan du scénario: Un chiffre, ou un seul caractère spécial autorisé, suffit
    Quand je choisis un mot de passe <mot de passe>
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré

    Exemples:
      | mot de passe                                |
      | avec un chiffre et sans caractère spécial   |
      | avec tous les caractères spéciaux autorisés |
      | dont le seul caractère spécial est « ? »    |
      | dont le seul caractère spécial est « ! »    |
      | dont le seul caractère spécial est « $ »    |
      | dont le seul caractère spécial est « € »    |
      | dont le seul caractère spécial est « @ »    |
      | dont le seul caractère spécial est « & »    |
      | dont le seul caractère spécial est « + »    |
      | dont le seul caractère spécial est « _ »    |
      | dont le seul caractère spécial est « = »    |
      | dont le seul caractère spécial est « * »    |
      | dont le seul caractère spécial est « % »    |
      | dont le seul caractère spécial est « / »    |
      | dont le seul caractère spécial est « < »    |
      | dont le seul caractère spécial est « > »    |
      | dont le seul caractère spécial est « , »    |
      | dont le seul caractère spécial est « . »    |
      | dont le seul caractère spécial est « : »    |
      | dont le seul caractère spécial est « ; »    |

  @E5-CARACTERES-AUTORISES
  Scénario: Un caractère non autorisé est refusé
    Alors ces mots de passe sont refusés, chacun avec sa raison :
      | mot de passe          | règle                |
      | contenant « espace »  | caractères autorisés |
      | contenant « é »       | caractères autorisés |
      | contenant « ç »       | caractères autorisés |
      | contenant « 😀 »      | caractères autorisés |
      | contenant « # »       | caractères autorisés |
      | contenant « - »       | caractères autorisés |
      | contenant « ' »       | caractères autorisés |
      | contenant « " »       | caractères autorisés |
      | contenant « ( »       | caractères autorisés |
      | contenant « ~ »       | caractères autorisés |
      | contenant « ！ »      | caractères autorisés |

  @E5-SANS-NIR-NI-DATE
  Scénario: Le numéro de sécurité sociale, la date de naissance ou une partie sont refusés
    Alors ces mots de passe sont refusés, chacun avec sa raison :
      | mot de passe                                           | règle                       |
      | contenant mon numéro de sécurité sociale               | numéro ou date de naissance |
      | contenant une partie de mon numéro de sécurité sociale | numéro ou date de naissance |
      | contenant ma date de naissance au format JJMMAAAA      | numéro ou date de naissance |
      | contenant ma date de naissance au format JJMMAA        | numéro ou date de naissance |
      | contenant ma date de naissance au format AAAAMMJJ      | numéro ou date de naissance |
      | contenant ma date de naissance au format AAAA          | numéro ou date de naissance |
      | contenant ma date de naissance au format JJMM          | numéro ou date de naissance |

  @E5-CONFIRMATION
  Scénario: Une confirmation différente est refusée
    Quand je saisis un mot de passe conforme et une confirmation différente
    Et je clique sur « Valider le nouveau mot de passe »
    Alors le mot de passe est refusé, avec une raison qui parle de « confirmation »
    Et mon mot de passe n'est pas changé
