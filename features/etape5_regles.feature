# language: fr
Fonctionnalité: Étape 5 – Les règles du nouveau mot de passe
  Le mot de passe doit comporter entre 8 et 50 caractères ; contenir des lettres latines
  (de a à z, sans accent) minuscules et majuscules ; contenir un chiffre ou un caractère
  spécial parmi ? ! $ € @ & + _ = * % / < > , . : ; ; ne contenir que des caractères
  autorisés ; ne pas contenir le numéro de sécurité sociale ou la date de naissance de
  l'assuré, ni une partie de ceux-ci. Chaque refus donne sa raison. Un caractère compte
  pour un, « € » compris.

  # Conception des tests (docs/conception-des-tests.md, E5-*) :
  # - les refus se font tous sur le même formulaire, une ligne du rapport par mot de passe ; la
  #   raison est celle qui apparaît après l'envoi (la liste des règles affichée n'en est pas une) ;
  #   aucun refus n'envoie de mail ; après les refus, un mot de passe conforme passe (le lien
  #   n'est pas consommé par un refus) ;
  # - un refus ne change rien : après les refus, l'ancien mot de passe ouvre toujours le compte ;
  # - un mot de passe accepté ouvre ensuite le compte : la page de confirmation seule ne prouve
  #   rien (un mot de passe coupé à une longueur, ou dont un caractère se perd en route, serait
  #   confirmé puis refusé à la connexion) ;
  # - les ensembles finis sont essayés en entier : chaque chiffre seul, chaque caractère spécial
  #   seul, chaque lettre latine dans les deux casses, chaque caractère ASCII imprimable non
  #   autorisé, et des classes hors ASCII (lettres accentuées, chiffres et lettres « pleine
  #   chasse », exposant, espaces invisibles, lettres cyrillique et grecque, emoji) ; chacun au
  #   début, au milieu ou à la fin du mot de passe (toujours la même place pour un caractère) ;
  # - bornes de longueur 7/8 et 50/51, en comptant « € » pour un ;
  # - les règles du guide sont les seules : une même lettre trois fois à la suite, l'alphabet
  #   dans l'ordre, « azerty », des chiffres qui se suivent (« 1234 », ou la première suite qui
  #   n'est pas une partie du numéro ni de la date) sont acceptés (les lettres et chiffres tirés
  #   au hasard n'en ont jamais : une cible qui ajoute une telle règle est prise à chaque
  #   exécution, pas selon le tirage) ;
  # - chaque partie du numéro (à chaque position), le numéro avec sa clé, chaque forme de la
  #   date ; un assuré né en Corse (2A, 2B) ; et des chiffres étrangers au numéro et à la date,
  #   acceptés.

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
      | conforme de 7 caractères dont « & »   | longueur |
      | conforme de 7 caractères dont « < »   | longueur |
      | conforme de 51 caractères             | longueur |
      | conforme de 51 caractères dont « € »  | longueur |
    Et mon ancien mot de passe ouvre toujours mon compte, depuis un autre navigateur
    Et un mot de passe conforme est ensuite accepté

  @E5-LONGUEUR
  Plan du scénario: Entre 8 et 50 caractères, le mot de passe est accepté
    Quand je choisis un mot de passe <mot de passe>
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré
    Et ce mot de passe ouvre mon compte

    Exemples:
      | mot de passe                         |
      | conforme de 8 caractères             |
      | conforme de 8 caractères dont « € »  |
      | conforme de 50 caractères            |
      | conforme de 50 caractères dont « € » |

  @E5-CASSE
  Scénario: Sans majuscule ou sans minuscule, le mot de passe est refusé
    Alors ces mots de passe sont refusés, chacun avec sa raison :
      | mot de passe   | règle |
      | sans majuscule | casse |
      | sans minuscule | casse |
    Et mon ancien mot de passe ouvre toujours mon compte, depuis un autre navigateur
    Et un mot de passe conforme est ensuite accepté

  @E5-CHIFFRE-OU-SPECIAL
  Scénario: Sans chiffre ni caractère spécial, le mot de passe est refusé
    Alors ces mots de passe sont refusés, chacun avec sa raison :
      | mot de passe                      | règle                         |
      | sans chiffre ni caractère spécial | chiffre ou caractère spécial  |
    Et mon ancien mot de passe ouvre toujours mon compte, depuis un autre navigateur
    Et un mot de passe conforme est ensuite accepté

  @E5-CHIFFRE-OU-SPECIAL
  Scénario: Un chiffre, ou un seul caractère spécial autorisé, suffit
    Alors chacun de ces mots de passe est accepté et ouvre ensuite le compte, chacun avec un nouveau lien :
      | mot de passe                                         |
      | contenant chaque chiffre, seul                       |
      | contenant chaque caractère spécial autorisé, seul    |
      | avec tous les caractères spéciaux autorisés          |

  @E5-CARACTERES-AUTORISES
  Scénario: Un caractère non autorisé est refusé
    Alors ces mots de passe sont refusés, chacun avec sa raison :
      | mot de passe                     | règle                |
      | contenant « espace »             | caractères autorisés |
      | contenant « " »                  | caractères autorisés |
      | contenant « # »                  | caractères autorisés |
      | contenant « ' »                  | caractères autorisés |
      | contenant « ( »                  | caractères autorisés |
      | contenant « ) »                  | caractères autorisés |
      | contenant « - »                  | caractères autorisés |
      | contenant « [ »                  | caractères autorisés |
      | contenant « \\ »                 | caractères autorisés |
      | contenant « ] »                  | caractères autorisés |
      | contenant « ^ »                  | caractères autorisés |
      | contenant « ` »                  | caractères autorisés |
      | contenant « { »                  | caractères autorisés |
      | contenant « \| »                 | caractères autorisés |
      | contenant « } »                  | caractères autorisés |
      | contenant « ~ »                  | caractères autorisés |
      | contenant « é »                  | caractères autorisés |
      | contenant « ç »                  | caractères autorisés |
      | contenant « É »                  | caractères autorisés |
      | contenant « À »                  | caractères autorisés |
      | contenant « ß »                  | caractères autorisés |
      | contenant « œ »                  | caractères autorisés |
      | contenant « ñ »                  | caractères autorisés |
      | contenant « £ »                  | caractères autorisés |
      | contenant « § »                  | caractères autorisés |
      | contenant « ° »                  | caractères autorisés |
      | contenant « µ »                  | caractères autorisés |
      | contenant « ² »                  | caractères autorisés |
      | contenant « ３ »                 | caractères autorisés |
      | contenant « ａ »                 | caractères autorisés |
      | contenant « ！ »                 | caractères autorisés |
      | contenant « a cyrillique »       | caractères autorisés |
      | contenant « alpha grec »         | caractères autorisés |
      | contenant « tabulation »         | caractères autorisés |
      | contenant « espace insécable »   | caractères autorisés |
      | contenant « espace sans chasse » | caractères autorisés |
      | contenant « 😀 »                 | caractères autorisés |
    Et mon ancien mot de passe ouvre toujours mon compte, depuis un autre navigateur
    Et un mot de passe conforme est ensuite accepté

  @E5-CARACTERES-AUTORISES
  Scénario: Chaque lettre latine, dans les deux casses, et chaque chiffre sont autorisés
    Alors chacun de ces mots de passe est accepté et ouvre ensuite le compte, chacun avec un nouveau lien :
      | mot de passe                                            |
      | avec toutes les lettres minuscules                      |
      | avec toutes les lettres majuscules                      |
      | avec tous les chiffres, séparés par des lettres         |
      | avec « zzz », « azerty » et des chiffres qui se suivent |

  @E5-SANS-NIR-NI-DATE
  Scénario: Le numéro de sécurité sociale, la date de naissance ou une partie sont refusés
    Alors ces mots de passe sont refusés, chacun avec sa raison :
      | mot de passe                                              | règle                       |
      | contenant mon numéro de sécurité sociale                  | numéro ou date de naissance |
      | contenant mon numéro de sécurité sociale avec sa clé      | numéro ou date de naissance |
      | contenant chaque partie de mon numéro de sécurité sociale | numéro ou date de naissance |
      | contenant ma date de naissance au format JJMMAAAA         | numéro ou date de naissance |
      | contenant ma date de naissance au format JJMMAA           | numéro ou date de naissance |
      | contenant ma date de naissance au format AAAAMMJJ         | numéro ou date de naissance |
      | contenant ma date de naissance au format AAAA             | numéro ou date de naissance |
      | contenant ma date de naissance au format JJMM             | numéro ou date de naissance |
    Et mon ancien mot de passe ouvre toujours mon compte, depuis un autre navigateur
    Et un mot de passe conforme est ensuite accepté

  @E5-SANS-NIR-NI-DATE
  Scénario: Des chiffres qui ne viennent ni du numéro ni de la date de naissance sont acceptés
    Quand je choisis un mot de passe avec des chiffres qui ne viennent ni de mon numéro ni de ma date de naissance
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré
    Et ce mot de passe ouvre mon compte

  @E5-CONFIRMATION
  Scénario: Une confirmation différente est refusée
    Alors ces confirmations sont refusées, chacune avec sa raison :
      | confirmation                              |
      | un caractère changé                       |
      | la même aux majuscules et minuscules près |
      | vide                                      |
      | avec un caractère en plus                 |
      | sans son dernier caractère                |
    Et mon ancien mot de passe ouvre toujours mon compte, depuis un autre navigateur
