# language: fr
Fonctionnalité: Étape 3 – L'assuré est invité à se rendre dans sa boîte mail
  Une fois le formulaire complet envoyé, la page indique l'adresse à laquelle le mail
  a été envoyé, masquée (t***@t***.com), et invite l'assuré à continuer depuis sa boîte mail.

  # Conception des tests (docs/conception-des-tests.md, E3-ENVOI) :
  # - un seul mail, à l'adresse du compte ; la page, l'adresse masquée, le retour à la connexion ;
  # - le numéro, la date de naissance et l'adresse doivent tous être ceux du compte : un seul
  #   autre, et aucun mail ne part (ni au compte, ni à l'adresse saisie) ;
  # - toutes les sortes de naissance : Corse (2A, 2B), étranger (99), outre-mer (971), 29 février,
  #   et un jour de 1 à 12, que lit de travers une date lue mois d'abord (05/03 pris pour le 3 mai)
  #   quand elle ne refuse pas les autres (un lecteur qui échange ce qui ne peut pas être un mois) ;
  #   et une clé du numéro qui s'écrit avec un zéro (07), qu'une clé calculée sans lui (« 7 »)
  #   déclare fausse : un assuré sur onze ; et le numéro saisi avec les espaces de la carte
  #   Vitale (« 1 85 05 75 123 456 78 ») : les espaces ne comptent pas ; et l'adresse saisie
  #   avec une majuscule au début, comme l'écrit le clavier d'un téléphone : c'est la même
  #   adresse (une recherche de l'adresse sensible à la casse ne la trouve pas) ;
  # - le masquage : domaines à plusieurs niveaux, majuscules, partie locale d'une lettre ; une
  #   adresse avec « + » (jean+ameli@gmail.com), qu'un contrôle d'adresse trop étroit refuse.

  @E3-ENVOI
  Scénario: Une demande complète envoie un seul mail, à l'adresse du compte
    Étant donné un assuré dont le compte ameli a une adresse mail validée
    Et que je suis sur le formulaire « Mot de passe oublié »
    Quand je saisis mon numéro de sécurité sociale, ma date de naissance et mon adresse mail
    Et je recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à » suivi de mon adresse masquée
    Et la page affiche « Vous pouvez dès à présent vous connecter sur votre adresse mail pour continuer la procédure. »
    Et la page affiche « Vous n'avez plus accès à votre adresse mail ? Merci de contacter votre caisse au 3646. »
    Et la page propose « Retourner à la page de connexion »
    Et je reçois un seul mail, à l'adresse de mon compte
    Quand je clique sur « Retourner à la page de connexion »
    Alors je suis sur la page de connexion

  @E3-ENVOI
  Scénario: Sans le numéro, la date de naissance et l'adresse du compte, aucun mail ne part
    Étant donné un assuré dont le compte ameli a une adresse mail validée
    Et que j'ai demandé le renouvellement de mon mot de passe
    Alors aucune de ces demandes n'envoie de mail, ni à mon adresse ni à l'adresse saisie :
      | demande                                             |
      | une autre date de naissance                         |
      | le numéro de sécurité sociale d'une autre personne  |
      | une autre adresse mail                              |

  @E3-ENVOI
  Plan du scénario: La demande aboutit quelles que soient la naissance de l'assuré, la clé de son numéro, ses espaces et la majuscule de son adresse
    Étant donné un assuré <assuré>, dont le compte ameli a une adresse mail validée
    Et que je suis sur le formulaire « Mot de passe oublié »
    Quand je remplis le formulaire avec mes informations
    Et je recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à » suivi de mon adresse masquée
    Et je reçois un seul mail, à l'adresse de mon compte

    Exemples:
      | assuré                                                                                           |
      | né en Corse-du-Sud (département 2A)                                                              |
      | né en Haute-Corse (département 2B)                                                               |
      | né à l'étranger (département 99)                                                                 |
      | né en Guadeloupe (département 971)                                                               |
      | né un 29 février                                                                                 |
      | né un jour de 1 à 12, qui se lit aussi comme un mois (05/03)                                     |
      | dont la clé du numéro s'écrit avec un zéro (01 à 09)                                             |
      | dont la clé du numéro est 97                                                                     |
      | qui saisit son numéro avec les espaces de sa carte Vitale                                        |
      | qui saisit son adresse mail avec une majuscule au début, comme le clavier d'un téléphone l'écrit |

  @E3-ENVOI
  Plan du scénario: L'adresse est masquée comme dans le guide
    Étant donné un assuré dont l'adresse mail validée est « <adresse> »
    Et que je suis sur le formulaire « Mot de passe oublié »
    Quand je remplis le formulaire avec mes informations
    Et je recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à <adresse masquée> »
    Et je reçois un seul mail, à l'adresse de mon compte

    Exemples:
      | adresse                       | adresse masquée |
      | thomas@test.com               | t***@t***.com   |
      | jean.dupont@club-internet.fr  | j***@c***.fr    |
      | claire.martin@tele2.fr        | c***@t***.fr    |
      | Marie-Anne.O'Neil@laposte.net | M***@l***.net   |
      | a@b.co.uk                     | a***@b***.uk    |
      | paul@mail.ville.paris         | p***@m***.paris |
      | jean+ameli@gmail.com          | j***@g***.com   |
